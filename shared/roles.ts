export const roles = ['projectleider', 'begeleider', 'administrateur'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  projectleider: 'Projectleider',
  begeleider: 'Begeleider',
  administrateur: 'Administrateur',
};

/** Who may make a call: nobody logged in yet, anyone logged in, a role, or the beheerder flag. */
export type Access = 'publiek' | 'ingelogd' | Role | 'beheerder';

export interface SessionAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  isBeheerder: boolean;
}
