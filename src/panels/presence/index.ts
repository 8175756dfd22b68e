export { AvatarStack } from './AvatarStack';
export { ConnectionBadge } from './ConnectionBadge';
export { NamePrompt } from './NamePrompt';
