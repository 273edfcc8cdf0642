// For the TypeORM CLI (`npm run migration:generate`, `npm run migration:run`): the server named by
// DATABASE_URL, read through the same validated configuration as the app (no JWT_SECRET needed).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigurationError, loadToolEnv } from '../config/env';
import { databaseOptions } from './database.options';

const env = loadToolEnv(process.env);
if (!env.DATABASE_URL) throw new ConfigurationError('DATABASE_URL is required for the TypeORM CLI (a PostgreSQL database migrated to the latest migration)');
export default new DataSource(databaseOptions(env.DATABASE_URL, false));
