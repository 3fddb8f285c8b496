import { SetMetadata } from '@nestjs/common';

export const PASSWORD_CHANGE_ALLOWED = 'unblock:password-change-allowed';

/**
 * Marks a route a user who must change a one-time password may still call (`POST /me/password`,
 * `GET /me`); every other authenticated route answers 403 (`type` …/password-change-required) until then.
 */
export const PasswordChangeAllowed = (): MethodDecorator => SetMetadata(PASSWORD_CHANGE_ALLOWED, true);
