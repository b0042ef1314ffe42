using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Contrail.Testing.Grpc.Internal;

namespace Grpc.Core;

/// <summary>
/// A collection of metadata entries (request headers, response headers or trailers). Keys are
/// case-insensitive and normalized to lower case; duplicate keys are allowed; binary-valued keys
/// end with <see cref="BinaryHeaderSuffix"/>.
/// </summary>
public sealed class Metadata : IList<Metadata.Entry>
{
    public const string BinaryHeaderSuffix = "-bin";

    public static readonly Metadata Empty = new Metadata().Freeze();

    private readonly List<Entry> _entries = new List<Entry>();
    private bool _readOnly;

    public Metadata()
    {
    }

    internal Metadata Freeze()
    {
        _readOnly = true;
        return this;
    }

    /// <summary>Gets the last entry with the specified key, or null.</summary>
    public Entry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].KeyEquals(key))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>Gets the string value of the last entry with the specified key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>Gets the bytes of the last entry with the specified key, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>Gets all entries with the specified key, in insertion order.</summary>
    public IEnumerable<Entry> GetAll(string key)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].KeyEquals(key))
            {
                yield return _entries[i];
            }
        }
    }

    public void Add(string key, string value) => Add(new Entry(key, value));

    public void Add(string key, byte[] valueBytes) => Add(new Entry(key, valueBytes));

    public int IndexOf(Metadata.Entry item) => _entries.IndexOf(item);

    public void Insert(int index, Metadata.Entry item)
    {
        Guard.NotNull(item, nameof(item));
        CheckWriteable();
        _entries.Insert(index, item);
    }

    public void RemoveAt(int index)
    {
        CheckWriteable();
        _entries.RemoveAt(index);
    }

    public Metadata.Entry this[int index]
    {
        get => _entries[index];
        set
        {
            Guard.NotNull(value, nameof(value));
            CheckWriteable();
            _entries[index] = value;
        }
    }

    public void Add(Metadata.Entry item)
    {
        Guard.NotNull(item, nameof(item));
        CheckWriteable();
        _entries.Add(item);
    }

    public void Clear()
    {
        CheckWriteable();
        _entries.Clear();
    }

    public bool Contains(Metadata.Entry item) => _entries.Contains(item);

    public void CopyTo(Metadata.Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public int Count => _entries.Count;

    public bool IsReadOnly => _readOnly;

    public bool Remove(Metadata.Entry item)
    {
        CheckWriteable();
        return _entries.Remove(item);
    }

    public IEnumerator<Metadata.Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    private void CheckWriteable() => Guard.State(!_readOnly, "Object is read only");

    /// <summary>A metadata entry: a normalized key and either an ASCII string value or a binary value.</summary>
    public class Entry
    {
        private readonly string _key;
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        /// <summary>Creates a binary-valued entry; the key must end with <see cref="BinaryHeaderSuffix"/>.</summary>
        public Entry(string key, byte[] valueBytes)
        {
            _key = NormalizeKey(key);
            Guard.Argument(
                IsBinaryKey(_key),
                $"Key for binary valued metadata entry needs to have '{BinaryHeaderSuffix}' suffix indicating binary value.");
            Guard.NotNull(valueBytes, nameof(valueBytes));
            _valueBytes = (byte[])valueBytes.Clone();
        }

        /// <summary>Creates a string-valued entry; the key must not end with <see cref="BinaryHeaderSuffix"/>.</summary>
        public Entry(string key, string value)
        {
            _key = NormalizeKey(key);
            Guard.Argument(
                !IsBinaryKey(_key),
                "Key for ASCII valued metadata entry cannot have suffix indicating binary value.");
            _value = Guard.NotNull(value, nameof(value));
        }

        public string Key => _key;

        /// <summary>The value as bytes (a copy; ASCII-encoded for string entries).</summary>
        public byte[] ValueBytes => _valueBytes is null ? Encoding.ASCII.GetBytes(_value!) : (byte[])_valueBytes.Clone();

        /// <summary>The string value; throws for binary entries.</summary>
        public string Value
        {
            get
            {
                Guard.State(!IsBinary, "Cannot access string value of a binary metadata entry");
                return _value!;
            }
        }

        public bool IsBinary => _value is null;

        public override string ToString()
        {
            return IsBinary
                ? string.Format(CultureInfo.InvariantCulture, "[Entry: key={0}, valueBytes={1}]", _key, _valueBytes)
                : string.Format(CultureInfo.InvariantCulture, "[Entry: key={0}, value={1}]", _key, _value);
        }

        internal bool KeyEquals(string key) => string.Equals(_key, key, StringComparison.OrdinalIgnoreCase);

        private static bool IsBinaryKey(string key) => key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        private static string NormalizeKey(string key)
        {
            Guard.NotNull(key, nameof(key));
            foreach (var c in key)
            {
                var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-';
                Guard.Argument(
                    valid,
                    "Metadata entry key not valid. Keys can only contain lowercase alphanumeric characters, underscores, hyphens and dots.");
            }

            return key.ToLowerInvariant();
        }
    }
}
