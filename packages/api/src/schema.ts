import { builder } from './builder.ts';
import './modules/i18n/locale.schema.ts';
import './modules/reference/reference.schema.ts';
import './modules/account/account.schema.ts';

export const schema = builder.toSchema({ sortSchema: true });
