import { Type, type Static } from 'typebox';
import { Id, Page, PageQuery } from './common.ts';

export const Role = Type.Union(
  [
    Type.Literal('admin'),
    Type.Literal('logistics-officer'),
    Type.Literal('warehouse-keeper'),
    Type.Literal('station-officer'),
    Type.Literal('dispatcher'),
    Type.Literal('driver'),
    Type.Literal('viewer'),
  ],
  { description: '管理员 · 战勤保障科 · 仓库保管员 · 站级器材管理员 · 调度员 · 驾驶员 · 只读' },
);
export type Role = Static<typeof Role>;

export const Username = Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

export const User = Type.Object({
  id: Id,
  organisationId: Id,
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  organisationIds: Type.Array(Id),
  nodeIds: Type.Array(Id),
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  isDemo: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type User = Static<typeof User>;

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export const LoginResponse = Type.Object({
  token: Type.String({ description: 'bearer token; also set as the HttpOnly zq_session cookie' }),
  csrfToken: Type.String({ description: 'send as x-csrf-token on unsafe requests authenticated by cookie' }),
  expiresAt: Type.String({ format: 'date-time' }),
  user: User,
});
export const PasswordChange = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const UserCreate = Type.Object(
  {
    username: Username,
    password: Type.String({ minLength: 10, maxLength: 256 }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: Role,
    organisationIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    nodeIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserUpdate = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(Role),
    organisationIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    nodeIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(
      Type.String({ minLength: 10, maxLength: 256, description: 'reset; the user must change it at next sign-in' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserUpdate = Static<typeof UserUpdate>;

export const UserListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(Role),
    disabled: Type.Optional(Type.Boolean()),
    sort: Type.Optional(
      Type.Union([Type.Literal('username'), Type.Literal('displayName'), Type.Literal('role'), Type.Literal('createdAt')]),
    ),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;
export const UserPage = Page(User);
