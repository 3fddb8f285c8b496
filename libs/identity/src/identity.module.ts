import { Module } from '@nestjs/common';
import { AccessTokenService } from './access-token.service';
import { ChangePasswordUseCase } from './change-password.use-case';
import { CreateUserUseCase } from './create-user.use-case';
import { EnsureAdminUseCase } from './ensure-admin.use-case';
import { LoginUseCase } from './login.use-case';
import { LogoutUseCase } from './logout.use-case';
import { PasswordHasher } from './password-hasher';
import { RefreshSessionUseCase } from './refresh-session.use-case';
import { RefreshTokens } from './refresh-tokens';
import { ResetPasswordUseCase } from './reset-password.use-case';
import { SessionVersions } from './session-versions';
import { UpdateUserUseCase } from './update-user.use-case';
import { UserQueries } from './user.queries';

const PROVIDERS = [
  AccessTokenService,
  ChangePasswordUseCase,
  CreateUserUseCase,
  EnsureAdminUseCase,
  LoginUseCase,
  LogoutUseCase,
  PasswordHasher,
  RefreshSessionUseCase,
  RefreshTokens,
  ResetPasswordUseCase,
  SessionVersions,
  UpdateUserUseCase,
  UserQueries,
];

/** Accounts, passwords and tokens. Needs the DatabaseModule and the ConfigModule of the app. */
@Module({
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class IdentityModule {}
