import * as migration_20261122_223939_initial from './20261122_223939_initial';

export const migrations = [
  {
    up: migration_20261122_223939_initial.up,
    down: migration_20261122_223939_initial.down,
    name: '20261122_223939_initial'
  },
];
