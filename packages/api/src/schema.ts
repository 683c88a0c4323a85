import { builder } from './builder.ts';
import './modules/i18n/locale.schema.ts';
import './modules/common/user-error.schema.ts';
import './modules/reference/reference.schema.ts';
import './modules/account/account.schema.ts';
import './modules/audit/audit.schema.ts';
import './modules/plan/plan.schema.ts';
import './modules/plan/indicator.schema.ts';
import './modules/plan/accountability.schema.ts';
import './modules/directory/company.schema.ts';
import './modules/directory/ecosystem-stats.schema.ts';
import './modules/search/search-companies.schema.ts';
import './modules/moderation/moderation.schema.ts';
import './modules/esg/esg.schema.ts';
import './modules/procurement/shortlist.schema.ts';
import './modules/procurement/tender.schema.ts';
import './modules/procurement/award.schema.ts';

export const schema = builder.toSchema({ sortSchema: true });
