import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '@unblock/http';
import { LoginUseCase, RefreshSessionUseCase, SessionResponse } from '@unblock/identity';
import { LoginDto, RefreshDto } from './auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly refresh: RefreshSessionUseCase,
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
}
