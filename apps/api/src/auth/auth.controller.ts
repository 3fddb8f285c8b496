import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '@unblock/http';
import { LoginUseCase, LogoutUseCase, RefreshSessionUseCase, SessionResponse } from '@unblock/identity';
import { LoginDto, LogoutDto, RefreshDto } from './auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly refresh: RefreshSessionUseCase,
    private readonly logout: LogoutUseCase,
  ) {}

  /** Throttled per address and per account. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  signIn(@Body() dto: LoginDto): Promise<SessionResponse> {
    return this.login.execute(dto);
  }

  /** Refresh tokens carry 256 random bits: guessing one is hopeless, so this is not throttled. */
  @Public()
  @Post('refresh')
  @HttpCode(200)
  rotate(@Body() dto: RefreshDto): Promise<SessionResponse> {
    return this.refresh.execute(dto);
  }

  /**
   * Signs out: revokes the session (the whole family of its refresh tokens), named by `refreshToken`, by
   * the bearer access token, or both; its refresh tokens refresh no more. 204 also for a refresh token
   * already revoked, expired or unknown (RFC 7009): nothing is left to revoke.
   */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked.' })
  signOut(@Body() dto: LogoutDto, @Headers('authorization') authorization?: string): Promise<void> {
    return this.logout.execute({ ...dto, authorization });
  }
}
