export class PasswordResetResponse {
  /**
   * Shown once, to the admin, to hand to the user: it signs in once, and the user must then choose a
   * password of their own (`POST /me/password`) before anything else.
   */
  oneTimePassword!: string;
}
