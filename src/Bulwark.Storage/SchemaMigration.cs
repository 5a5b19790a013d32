namespace Bulwark.Storage;

/// <summary>One numbered step of the journal schema. Applied once, in its own transaction, in version order.</summary>
internal sealed record SchemaMigration(long Version, string Name, string Sql);
