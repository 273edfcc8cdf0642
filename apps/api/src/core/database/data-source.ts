// For the TypeORM CLI (`npm run migration:generate`): the server named by DATABASE_URL, read through
// the same validated configuration as the app.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigurationError, loadEnv } from '../config/env';
import { databaseOptions } from './database.options';

const env = loadEnv(process.env);
if (!env.DATABASE_URL) throw new ConfigurationError('DATABASE_URL is required for the TypeORM CLI');
export default new DataSource(databaseOptions(env.DATABASE_URL, false));
