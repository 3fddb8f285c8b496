import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ROLES, type Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import { ChangePasswordUseCase, UserQueries, UserResponse } from '@unblock/identity';
import { SecretsNotKept } from '../common/idempotency.guard';
import { ChangePasswordDto } from './auth.dto';
import type { SessionRequest } from './jwt-auth.guard';
import { PasswordChangeAllowed } from './password-change-allowed.decorator';

@ApiTags('auth')
@ApiBearerAuth()
@Roles(...ROLES)
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UserQueries,
    private readonly changePassword: ChangePasswordUseCase,
  ) {}

  @PasswordChangeAllowed()
  @Get()
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(actor.userId);
  }

  /** What the access token says, without a database read: a cheap check that a session is alive. */
  @Get('token')
  token(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  /**
   * Changes one's own password (`currentPassword` wrong: 400 naming it; throttled as logins are). Every
   * other session ends; this one's access token too, while its refresh token goes on: `POST /auth/refresh`
   * answers a new access token (without `mustChangePassword`).
   */
  @PasswordChangeAllowed()
  @SecretsNotKept()
  @UseGuards(ThrottlerGuard)
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; refresh the session for a new access token.' })
  password(@Req() request: SessionRequest, @Body() dto: ChangePasswordDto): Promise<void> {
    const access = request.access;
    if (!access) throw new Error('POST /me/password without a verified access token');
    return this.changePassword.execute({ userId: access.actor.userId, sessionId: access.sessionId, ...dto });
  }
}
