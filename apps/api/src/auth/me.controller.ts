import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@unblock/domain';
import { CurrentActor } from '@unblock/http';
import { UserQueries, UserResponse } from '@unblock/identity';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UserQueries) {}

  @Get()
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(actor.userId);
  }

  /** What the access token says, without a database read: a cheap check that a session is alive. */
  @Get('token')
  token(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
