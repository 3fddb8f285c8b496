import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@unblock/domain';
import { CurrentActor, Roles } from '@unblock/http';
import {
  CreateUserUseCase,
  PasswordResetResponse,
  ResetPasswordUseCase,
  UpdateUserUseCase,
  UserQueries,
  UserResponse,
} from '@unblock/identity';
import type { Page } from '@unblock/database';
import { SecretsNotKept } from '../common/idempotency.guard';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './users.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly updateUser: UpdateUserUseCase,
    private readonly resetPassword: ResetPasswordUseCase,
    private readonly users: UserQueries,
  ) {}

  @Post()
  create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.createUser.execute(dto);
  }

  @Get()
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserResponse>> {
    return this.users.list(query);
  }

  @Get(':id')
  get(@Param('id', UuidPipe) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  /**
   * Changes an account. Deactivating it or changing its role, organization or region ends its sessions at
   * once (its access tokens are refused, its refresh tokens revoked).
   */
  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.updateUser.execute({ ...dto, id, actorUserId: actor.userId });
  }

  /** A one-time password for the user (shown once), who must then choose their own; their sessions end. */
  @SecretsNotKept()
  @Post(':id/reset-password')
  @HttpCode(200)
  reset(@Param('id', UuidPipe) id: string): Promise<PasswordResetResponse> {
    return this.resetPassword.execute({ id });
  }
}
