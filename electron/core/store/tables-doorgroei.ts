/** Tables of the doorgroei area, part of the DB type in schema.ts (same conventions). */

export interface DoorgroeiProfilesTable {
  id: string;
  person_id: string;
  /** The begeleider's short text for the portfolio PDF. */
  portfolio_tekst: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DoorgroeiEducationTable {
  id: string;
  person_id: string;
  position: number;
  land: string;
  niveau: string;
  richting: string;
  diploma: number;
  idw: string | null;
  version: number;
}

export interface DoorgroeiDutchLevelsTable {
  id: string;
  person_id: string;
  vaardigheid: string;
  niveau: string;
  examen: string | null;
  examen_datum: string | null;
  version: number;
}

export interface DoorgroeiWorkTable {
  id: string;
  person_id: string;
  position: number;
  functie: string;
  sector: string | null;
  land: string;
  van: string;
  tot: string | null;
  version: number;
}

export interface DoorgroeiOutflowsTable {
  id: string;
  person_id: string;
  datum: string;
  vervolg: string;
  toelichting: string | null;
  account_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The tables of the doorgroei area, by name: part of DB in schema.ts. */
export interface DoorgroeiTables {
  doorgroei_profiles: DoorgroeiProfilesTable;
  doorgroei_education: DoorgroeiEducationTable;
  doorgroei_dutch_levels: DoorgroeiDutchLevelsTable;
  doorgroei_work: DoorgroeiWorkTable;
  doorgroei_outflows: DoorgroeiOutflowsTable;
}
