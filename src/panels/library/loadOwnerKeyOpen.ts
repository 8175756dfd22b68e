/** Opening an owner key file, fetched on demand: the library shows without its checks (zod schemas). */
export const loadOwnerKeyOpen = () => import('../../store/ownerKeyOpen');
