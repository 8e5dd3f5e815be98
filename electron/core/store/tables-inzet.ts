/** Tables of the work itself (partners, projects, aanvragen, availability, inzet), part of the DB type in schema.ts. */

export interface PartnersTable {
  id: string;
  naam: string;
  soort: string;
  contactpersoon: string | null;
  telefoon: string | null;
  email: string | null;
  gemeente: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ProjectsTable {
  id: string;
  naam: string;
  /** The funder, when it is a partner in the register. */
  partner_id: string | null;
  gemeente: string | null;
  startdatum: string;
  einddatum: string | null;
  budget_cents: number;
  archived: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RequestsTable {
  id: string;
  /** Null for a walk-in. */
  partner_id: string | null;
  project_id: string | null;
  ontvangen_op: string;
  gewenst_van: string | null;
  gewenst_tot: string | null;
  plaats: string | null;
  gemeente: string | null;
  voorkeur_gender: string | null;
  voorkeur_herkomst: string | null;
  soort_hulp: string;
  verwachte_minuten: number | null;
  omschrijving: string;
  status: string;
  reden_niet_uitvoerbaar: string | null;
  gematcht_op: string | null;
  uitgevoerd_op: string | null;
  afgesloten_op: string | null;
  account_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RequestLanguagesTable {
  id: string;
  request_id: string;
  taal: string;
  verplicht: number;
  version: number;
}

export interface RequestLeefgebiedenTable {
  id: string;
  request_id: string;
  leefgebied: string;
  version: number;
}

export interface RequestPersonsTable {
  id: string;
  request_id: string;
  person_id: string;
  account_id: string | null;
  created_at: string;
  version: number;
}

export interface PersonAvailabilityTable {
  id: string;
  person_id: string;
  /** The dagdelen someone can usually be asked, space-separated ('ma-ochtend di-avond'). */
  dagdelen: string;
  eigen_vervoer: number;
  /** Other gemeenten they will go to, separated by '|'. */
  ook_gemeenten: string | null;
  toelichting: string | null;
  updated_at: string;
  version: number;
}

export interface PersonAbsencesTable {
  id: string;
  person_id: string;
  van: string;
  tot: string;
  reden: string | null;
  created_at: string;
  version: number;
}

export interface InzetTable {
  id: string;
  datum: string;
  minuten: number;
  partner_id: string | null;
  request_id: string | null;
  project_id: string | null;
  soort: string;
  gemeente: string | null;
  bereik_volwassenen: number;
  bereik_kinderen: number;
  bereik_statushouders: number;
  bereik_professionals: number;
  /** A short note without names; never shown to the administrateur. */
  hulpvraag_notitie: string | null;
  uitkomst: string | null;
  account_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface InzetPersonsTable {
  id: string;
  inzet_id: string;
  person_id: string;
  /** The claim this activity prepared for the person, when their contract pays per hour or per activity. */
  claim_id: string | null;
  version: number;
}

export interface InzetTagsTable {
  id: string;
  inzet_id: string;
  /** 'rol' | 'leefgebied' | 'hulpvraag' | 'doorverwijzing' */
  kind: string;
  waarde: string;
  version: number;
}

export interface InzetReachTable {
  id: string;
  inzet_id: string;
  /** 'herkomst' (origin region) | 'taal' */
  dimensie: string;
  waarde: string;
  aantal: number;
  version: number;
}

/** The tables of the work itself, by name: part of DB in schema.ts. */
export interface InzetTables {
  partners: PartnersTable;
  projects: ProjectsTable;
  requests: RequestsTable;
  request_languages: RequestLanguagesTable;
  request_leefgebieden: RequestLeefgebiedenTable;
  request_persons: RequestPersonsTable;
  person_availability: PersonAvailabilityTable;
  person_absences: PersonAbsencesTable;
  inzet: InzetTable;
  inzet_persons: InzetPersonsTable;
  inzet_tags: InzetTagsTable;
  inzet_reach: InzetReachTable;
}
