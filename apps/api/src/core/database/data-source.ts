// For the TypeORM CLI (`npm run migration:generate`): a server named by DATABASE_URL.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseOptions } from './database.options';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL is required for the TypeORM CLI');
export default new DataSource(databaseOptions(url, false));
