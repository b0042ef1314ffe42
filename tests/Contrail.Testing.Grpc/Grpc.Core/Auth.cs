using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Contrail.Testing.Grpc.Internal;

namespace Grpc.Core;

/// <summary>Authentication context of a call.</summary>
public class AuthContext
{
    private readonly string? _peerIdentityPropertyName;
    private readonly Dictionary<string, List<AuthProperty>> _properties;

    public AuthContext(string? peerIdentityPropertyName, Dictionary<string, List<AuthProperty>> properties)
    {
        _peerIdentityPropertyName = peerIdentityPropertyName;
        _properties = Guard.NotNull(properties, nameof(properties));
    }

    public bool IsPeerAuthenticated => _peerIdentityPropertyName != null;

    public string? PeerIdentityPropertyName => _peerIdentityPropertyName;

    public IEnumerable<AuthProperty> PeerIdentity =>
        _peerIdentityPropertyName is null ? Enumerable.Empty<AuthProperty>() : _properties[_peerIdentityPropertyName];

    public IEnumerable<AuthProperty> Properties => _properties.Values.SelectMany(list => list);

    public IEnumerable<AuthProperty> FindPropertiesByName(string propertyName)
    {
        return _properties.TryGetValue(propertyName, out var found) ? found : Enumerable.Empty<AuthProperty>();
    }
}

/// <summary>A property of an <see cref="AuthContext"/>.</summary>
public class AuthProperty
{
    private readonly byte[] _valueBytes;

    private AuthProperty(string name, byte[] valueBytes)
    {
        Name = Guard.NotNull(name, nameof(name));
        _valueBytes = valueBytes;
    }

    public string Name { get; }

    public string Value => Encoding.UTF8.GetString(_valueBytes);

    /// <summary>A copy of the raw value.</summary>
    public byte[] ValueBytes => (byte[])_valueBytes.Clone();

    public static AuthProperty Create(string name, byte[] valueBytes)
    {
        Guard.NotNull(valueBytes, nameof(valueBytes));
        return new AuthProperty(name, (byte[])valueBytes.Clone());
    }
}
