import { Module } from '@nestjs/common';
import { AccessTokenService } from './access-token.service';
import { CreateUserUseCase } from './create-user.use-case';
import { EnsureAdminUseCase } from './ensure-admin.use-case';
import { LoginUseCase } from './login.use-case';
import { PasswordHasher } from './password-hasher';
import { RefreshSessionUseCase } from './refresh-session.use-case';
import { RefreshTokens } from './refresh-tokens';
import { UserQueries } from './user.queries';

const PROVIDERS = [
  AccessTokenService,
  CreateUserUseCase,
  EnsureAdminUseCase,
  LoginUseCase,
  PasswordHasher,
  RefreshSessionUseCase,
  RefreshTokens,
  UserQueries,
];

/** Accounts, passwords and tokens. Needs the DatabaseModule and the ConfigModule of the app. */
@Module({
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class IdentityModule {}
