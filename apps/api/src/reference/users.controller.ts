import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@unblock/http';
import { CreateUserUseCase, UserQueries, UserResponse } from '@unblock/identity';
import type { Page } from '@unblock/database';
import { UuidPipe } from '../common/uuid.pipe';
import { CreateUserDto, ListUsersQueryDto } from './users.dto';

@ApiTags('reference data')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
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
}
