import type { Role } from '../domain/access.ts';

/** The demo accounts of "Gemeente Voorbeeldstad" (listed in README.md). Demo only: change or use --no-demo. */
export const demoPassword = 'retour-demo-2026';

export const demoAccounts: readonly { email: string; name: string; role: Role; supplier?: string }[] = [
  { email: 'platform@retour.example', name: 'Platformbeheer', role: 'platformAdmin' },
  { email: 'beheer@voorbeeldstad.example', name: 'Femke Beheer', role: 'municipalityAdmin' },
  { email: 'adviseur@voorbeeldstad.example', name: 'Ahmed Adviseur', role: 'advisor' },
  { email: 'contractmanager@voorbeeldstad.example', name: 'Carla Contract', role: 'contractManager' },
  {
    email: 'leverancier@bouwbedrijf-degroot.example',
    name: 'Dirk de Groot',
    role: 'supplier',
    supplier: 'Bouwbedrijf De Groot B.V.',
  },
  {
    email: 'leverancier@schoonmaak-helder.example',
    name: 'Sanne Helder',
    role: 'supplier',
    supplier: 'Schoonmaakbedrijf Helder',
  },
  {
    email: 'leverancier@hetpark.example',
    name: 'Pieter Park',
    role: 'supplier',
    supplier: 'Groenvoorziening Het Park',
  },
  {
    email: 'leverancier@ictnoord.example',
    name: 'Noor Jansen',
    role: 'supplier',
    supplier: 'ICT Diensten Noord',
  },
  { email: 'initiatief@buurtkracht.example', name: 'Buurtkracht', role: 'initiative' },
];
