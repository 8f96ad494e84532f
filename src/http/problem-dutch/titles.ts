/** Titles of the problem types (problem.ts). */
export const titles: Record<string, string> = {
  'Invalid input': 'Ongeldige invoer',
  'Not found': 'Niet gevonden',
  Conflict: 'Conflict',
  'Not allowed in this state': 'Niet toegestaan in deze toestand',
  'Sign-in required': 'Aanmelden vereist',
  Forbidden: 'Geen toegang',
  'Too many requests': 'Te veel verzoeken',
  'Payload too large': 'Bestand te groot',
  'Unsupported media type': 'Bestandstype niet toegestaan',
  'Internal server error': 'Interne fout',
  'Method Not Allowed': 'Methode niet toegestaan',
  'Unprocessable content': 'Bestand niet verwerkt',
  'Some rows are refused': 'Niet alle regels zijn goed',
};
