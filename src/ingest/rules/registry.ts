// Every extraction rule, in the order they run: meetings first (the others ask which meeting a sentence is
// about), projects before hosts and supporters (a project's quoted title is not an event; supporters attach to
// the project last named).
import { attendanceRule } from './attendance.js';
import { considersJoiningRule } from './considers-joining.js';
import { coverTableRule } from './cover-table.js';
import { frameworkParticipationRule } from './framework-participation.js';
import { hostingRule } from './hosting.js';
import { meetingsRule } from './meetings.js';
import { organizationsRule } from './organizations.js';
import { projectsRule } from './projects.js';
import { rolesRule } from './roles.js';
import type { Rule } from './rule.js';
import { sessionsRule } from './sessions.js';
import { supportersRule } from './supporters.js';
import { volunteersRule } from './volunteers.js';

export const RULES: Rule[] = [
  meetingsRule,
  organizationsRule,
  attendanceRule,
  projectsRule,
  hostingRule,
  supportersRule,
  frameworkParticipationRule,
  considersJoiningRule,
  volunteersRule,
  coverTableRule,
  rolesRule,
  sessionsRule,
];
