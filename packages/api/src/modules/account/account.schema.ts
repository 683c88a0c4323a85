import { builder } from '../../builder.ts';

export const RoleEnum = builder.enumType('Role', {
  description: "An account's role. Company editing is not a role: it is a membership of a company.",
  values: ['USER', 'PROCUREMENT_OFFICER', 'STAFF', 'ADMIN'] as const,
});

builder.prismaObject('Account', {
  description: 'A person who signs in. Visible to the account itself and to staff.',
  authScopes: (account, context) => account.id === context.viewer?.id || { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: RoleEnum }),
  }),
});
