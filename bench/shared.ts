/** Content that the HTML pages get from the build (see vite.config.ts) and the scripts import. */
export const BIO =
  'Virgil Zólyom, geboren 1978 in Flensburg, lebt heute mit seiner Familie in Kiel. Seit 2009 berichtet er als Landeskorrespondent über Energiepolitik, Netzausbau und die Arbeit des Landtags. In seiner Freizeit segelt er auf der Förde, sammelt alte Seekarten und spielt Bratsche in einem kleinen Laienorchester.';

export const PHOTO =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 80 80'%3E%3Crect width='80' height='80' fill='%23bcd'/%3E%3Ccircle cx='40' cy='30' r='14' fill='%23567'/%3E%3Cpath d='M12 80c0-18 12-28 28-28s28 10 28 28z' fill='%23567'/%3E%3C/svg%3E";
