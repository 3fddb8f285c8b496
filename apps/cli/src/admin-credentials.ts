import { plainToInstance } from 'class-transformer';
import { IsEmail, IsString, MinLength, validateSync } from 'class-validator';
import { DomainError } from '@unblock/domain';
import { checkPassword } from '@unblock/identity';

/** The same rules as ADMIN_EMAIL and ADMIN_PASSWORD at boot. */
class AdminCredentials {
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  password!: string;
}

export function checkAdminCredentials(email: string, password: string): void {
  const [first] = validateSync(plainToInstance(AdminCredentials, { email, password }));
  if (first) throw DomainError.invalid(`--${first.property}`, Object.values(first.constraints ?? {}).join('; '));
  // The password policy of every account: not a common password, not containing the email's name.
  checkPassword('--password', password, email.toLowerCase());
}
