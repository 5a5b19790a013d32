using System.Data.Common;

namespace Bulwark.Storage;

/// <summary>Reads a row of (sequence, type, format_version, payload, checksum) without trusting its types.</summary>
internal static class StoredEventReader
{
    public static StoredEvent Read(DbDataReader reader)
    {
        var sequence = reader.GetInt64(0);
        if (reader.IsDBNull(1) || reader.IsDBNull(2) || reader.IsDBNull(3) || reader.IsDBNull(4))
            throw new JournalCorruptException(sequence, "a column of the record is NULL");
        if (reader.GetFieldType(3) != typeof(byte[]))
            throw new JournalCorruptException(sequence, "the payload is not a BLOB");
        return new StoredEvent(sequence, reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3),
            reader.GetInt64(4));
    }
}
