import { JoinColumn, type JoinColumnOptions, ManyToOne } from 'typeorm';

type OnDelete = 'CASCADE' | 'SET NULL' | 'RESTRICT' | 'NO ACTION';

/**
 * A foreign key to another bounded context's table, declared for the schema only: the target entity
 * is named by its class name (TypeORM resolves it), so no context imports another's entities and the
 * contexts keep depending on each other one way. The entity keeps the plain id column the services
 * write; the relation property is never loaded.
 */
export function ForeignKeyTo(entityName: string, join: JoinColumnOptions & { name: string; foreignKeyConstraintName: string }, onDelete: OnDelete): PropertyDecorator {
  return (target, property) => {
    ManyToOne(entityName, { onDelete })(target, property);
    JoinColumn(join)(target, property);
  };
}
