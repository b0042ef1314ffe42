using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Contrail.Generators.Common;
using Contrail.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Contrail.Generators.TracedServices;

/// <summary>
/// Reads a <c>[TracedService]</c> class into a <see cref="TracedServiceModel"/>. The generator calls
/// it without a diagnostic sink and skips invalid classes; the analyzer calls it with one and
/// reports what is wrong, so both always agree on what is valid.
/// </summary>
internal sealed class TracedServiceParser
{
    /// <summary>The end of each traced service's generated file name, to tell its interceptor from a type the user wrote.</summary>
    private const string GeneratedSuffix = ".Contrail.TracedService.g.cs";

    private static readonly HashSet<string> s_reservedAttributeNames = new(StringComparer.Ordinal)
    {
        RpcSemanticConventions.RpcSystemName,
        RpcSemanticConventions.RpcMethod,
        RpcSemanticConventions.RpcResponseStatusCode,
        RpcSemanticConventions.ErrorType,
        RpcSemanticConventions.ServerAddress,
        RpcSemanticConventions.ServerPort,
        RpcSemanticConventions.NetworkPeerAddress,
        RpcSemanticConventions.NetworkPeerPort,
        RpcSemanticConventions.LegacyRpcSystem,
        RpcSemanticConventions.LegacyRpcService,
        RpcSemanticConventions.LegacyGrpcStatusCode,
    };

    private readonly TracedServiceKnownTypes _types;
    private readonly List<Diagnostic>? _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, EnumTagModel> _enums = new(StringComparer.Ordinal);

    public TracedServiceParser(TracedServiceKnownTypes types, List<Diagnostic>? diagnostics, CancellationToken cancellationToken)
    {
        _types = types;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses a class marked <c>[TracedService]</c>; <see langword="null"/> when it cannot be traced.</summary>
    public TracedServiceModel? Parse(INamedTypeSymbol service)
    {
        var tracedAttribute = FindAttribute(service, _types.TracedService);
        var serviceBase = FindServiceBase(service, out var bindAttribute);
        if (serviceBase is null || bindAttribute is null)
        {
            Report(DiagnosticDescriptors.NotAGrpcService, tracedAttribute, service, service.Name);
            return null;
        }

        var valid = ValidateServiceClass(service, tracedAttribute);

        if (bindAttribute.ConstructorArguments.Length != 2
            || bindAttribute.ConstructorArguments[0].Value is not INamedTypeSymbol binderType
            || bindAttribute.ConstructorArguments[1].Value is not string bindMethodName)
        {
            Report(DiagnosticDescriptors.NotAGrpcService, tracedAttribute, service, service.Name);
            return null;
        }

        // Class-level overrides apply from the farthest base below the gRPC base down to the
        // service itself, so a more derived class wins for the same code.
        var classMask = RpcSemanticConventions.DefaultServerErrorMask;
        var classes = new List<INamedTypeSymbol>();
        for (var type = service; type is not null && !SymbolEqualityComparer.Default.Equals(type, serviceBase); type = type.BaseType)
        {
            classes.Add(type);
        }

        for (var i = classes.Count - 1; i >= 0; i--)
        {
            classMask = ApplySpanStatusOverrides(classMask, classes[i]);
        }

        var rpcMethods = FindRpcMethods(serviceBase);
        var overrides = FindOverrides(service, serviceBase);
        CheckAttributesOnNonRpcMethods(service, rpcMethods);

        var methods = new List<RpcMethodModel>(rpcMethods.Count);
        foreach (var (baseMethod, kind, requestType) in rpcMethods.OrderBy(m => m.Method.Name, StringComparer.Ordinal))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            overrides.TryGetValue(baseMethod, out var implementation);
            var model = ParseMethod(baseMethod, implementation, kind, requestType, classMask);
            if (model is null)
            {
                valid = false;
            }
            else
            {
                methods.Add(model);
            }
        }

        if (!valid)
        {
            return null;
        }

        var ns = service.ContainingNamespace.IsGlobalNamespace ? string.Empty : service.ContainingNamespace.ToDisplayString();
        var displayName = service.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);

        // Hint names allow no '@' (escaped keywords); nesting shows as '+', as in metadata names.
        var hintName = (ns.Length > 0 ? ns + "." : string.Empty).Replace("@", string.Empty)
            + string.Join("+", ContainingTypes(service).Reverse().Select(t => t.Name).Concat(new[] { service.Name }));

        return new TracedServiceModel(
            Namespace: ns,
            ServiceTypeName: service.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            ServiceDisplayName: displayName,
            InterceptorName: InterceptorName(service),
            IsVisibleOutsideAssembly: SymbolFacts.IsVisibleOutsideAssembly(service),
            BinderTypeName: binderType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            BindMethodName: bindMethodName,
            HintName: hintName + GeneratedSuffix,
            Methods: methods.ToEquatableArray(),
            Enums: _enums.Values.OrderBy(e => e.TypeName, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>Reports tracing attributes on a method of a class that is not a traced service.</summary>
    public void CheckMethodOutsideTracedService(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            var name = TracingAttributeName(attribute);
            if (name is not null)
            {
                Report(DiagnosticDescriptors.TracingAttributeOutsideTracedService, attribute, method,
                    name, method.Name, $"'{method.ContainingType.Name}' is not marked [TracedService]");
            }
        }
    }

    private bool ValidateServiceClass(INamedTypeSymbol service, AttributeData? tracedAttribute)
    {
        string? problem = null;
        if (service.IsAbstract)
        {
            problem = "abstract: mark the concrete service class instead";
        }
        else if (service.IsGenericType || ContainingTypes(service).Any(t => t.IsGenericType))
        {
            problem = "generic: gRPC maps closed service classes only";
        }
        else if (!SymbolFacts.IsVisibleInsideAssembly(service))
        {
            problem = "not accessible from the rest of its assembly, where AddContrail() registers it: make it (and any containing class) internal or public";
        }
        else if (InterceptorNameTaken(service) is { } taken)
        {
            problem = $"named so that its generated interceptor '{taken}' would clash with a type of yours of that name: rename that type";
        }

        if (problem is null)
        {
            return true;
        }

        Report(DiagnosticDescriptors.UnsupportedServiceClass, tracedAttribute, service, service.Name, problem);
        return false;
    }

    /// <summary>The generated interceptor's name when a type the user declared already has it in its namespace.</summary>
    private static string? InterceptorNameTaken(INamedTypeSymbol service)
    {
        var name = InterceptorName(service);
        return service.ContainingNamespace.GetTypeMembers(name)
            .Any(t => t.DeclaringSyntaxReferences.Any(r => !r.SyntaxTree.FilePath.EndsWith(GeneratedSuffix, StringComparison.Ordinal)))
            ? name
            : null;
    }

    /// <summary>The interceptor's name: nested services are "Outer_Inner", so they cannot meet a top-level "OuterInner".</summary>
    private static string InterceptorName(INamedTypeSymbol service) =>
        string.Join("_", ContainingTypes(service).Reverse().Select(t => t.Name).Concat(new[] { service.Name })) + "ContrailInterceptor";

    private INamedTypeSymbol? FindServiceBase(INamedTypeSymbol service, out AttributeData? bindAttribute)
    {
        for (var type = service.BaseType; type is not null; type = type.BaseType)
        {
            bindAttribute = FindAttribute(type, _types.BindServiceMethod);
            if (bindAttribute is not null)
            {
                return type;
            }
        }

        bindAttribute = null;
        return null;
    }

    private List<(IMethodSymbol Method, RpcMethodKind Kind, ITypeSymbol RequestType)> FindRpcMethods(INamedTypeSymbol serviceBase)
    {
        var methods = new List<(IMethodSymbol, RpcMethodKind, ITypeSymbol)>();
        foreach (var member in serviceBase.GetMembers())
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsVirtual: true, IsStatic: false, DeclaredAccessibility: Accessibility.Public } method
                && TryClassify(method, out var kind, out var requestType))
            {
                methods.Add((method, kind, requestType));
            }
        }

        return methods;
    }

    /// <summary>Recognises the four handler shapes Grpc.Tools generates on a service base.</summary>
    private bool TryClassify(IMethodSymbol method, out RpcMethodKind kind, out ITypeSymbol requestType)
    {
        kind = default;
        requestType = null!;
        var parameters = method.Parameters;
        if (parameters.Length is < 2 or > 3 || !SymbolEqualityComparer.Default.Equals(parameters[parameters.Length - 1].Type, _types.ServerCallContext))
        {
            return false;
        }

        var returnsResponse = method.ReturnType is INamedTypeSymbol { IsGenericType: true } returned
            && SymbolEqualityComparer.Default.Equals(returned.OriginalDefinition, _types.TaskOfT);
        var returnsTask = SymbolEqualityComparer.Default.Equals(method.ReturnType, _types.Task);
        var first = parameters[0].Type;
        var firstIsStream = IsConstructedFrom(first, _types.AsyncStreamReader, out var streamedRequest);

        if (parameters.Length == 2 && returnsResponse)
        {
            kind = firstIsStream ? RpcMethodKind.ClientStreaming : RpcMethodKind.Unary;
            requestType = firstIsStream ? streamedRequest! : first;
            return true;
        }

        if (parameters.Length == 3 && returnsTask && IsConstructedFrom(parameters[1].Type, _types.ServerStreamWriter, out _))
        {
            kind = firstIsStream ? RpcMethodKind.DuplexStreaming : RpcMethodKind.ServerStreaming;
            requestType = firstIsStream ? streamedRequest! : first;
            return true;
        }

        return false;
    }

    private static bool IsConstructedFrom(ITypeSymbol type, INamedTypeSymbol definition, out ITypeSymbol? typeArgument)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, definition))
        {
            typeArgument = named.TypeArguments[0];
            return true;
        }

        typeArgument = null;
        return false;
    }

    /// <summary>Maps each RPC method of the base to its most derived override below the base.</summary>
    private static Dictionary<IMethodSymbol, IMethodSymbol> FindOverrides(INamedTypeSymbol service, INamedTypeSymbol serviceBase)
    {
        var overrides = new Dictionary<IMethodSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        for (var type = service; type is not null && !SymbolEqualityComparer.Default.Equals(type, serviceBase); type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is not IMethodSymbol { IsOverride: true } method)
                {
                    continue;
                }

                var root = method;
                while (root.OverriddenMethod is { } overridden)
                {
                    root = overridden;
                }

                if (SymbolEqualityComparer.Default.Equals(root.ContainingType, serviceBase) && !overrides.ContainsKey(root))
                {
                    overrides.Add(root, method);
                }
            }
        }

        return overrides;
    }

    private void CheckAttributesOnNonRpcMethods(INamedTypeSymbol service, List<(IMethodSymbol Method, RpcMethodKind Kind, ITypeSymbol RequestType)> rpcMethods)
    {
        foreach (var member in service.GetMembers())
        {
            if (member is not IMethodSymbol method)
            {
                continue;
            }

            var root = method;
            while (root.OverriddenMethod is { } overridden)
            {
                root = overridden;
            }

            if (rpcMethods.Any(m => SymbolEqualityComparer.Default.Equals(m.Method, root)))
            {
                continue;
            }

            foreach (var attribute in method.GetAttributes())
            {
                var name = TracingAttributeName(attribute);
                if (name is not null)
                {
                    Report(DiagnosticDescriptors.TracingAttributeOutsideTracedService, attribute, method,
                        name, method.Name, "it does not override an RPC method of the gRPC service base");
                }
            }
        }
    }

    private RpcMethodModel? ParseMethod(IMethodSymbol baseMethod, IMethodSymbol? implementation, RpcMethodKind kind, ITypeSymbol requestType, int classMask)
    {
        if (implementation is null)
        {
            return new RpcMethodModel(baseMethod.Name, kind, SymbolFacts.FullyQualifiedName(requestType), IsTraced: true, classMask, EquatableArray<TraceTagModel>.Empty);
        }

        var isTraced = FindAttribute(implementation, _types.NotTraced) is null;
        var mask = ApplySpanStatusOverrides(classMask, implementation);
        var tags = new List<TraceTagModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;

        foreach (var attribute in implementation.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.TraceTag)
                || attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not string attributeName
                || attribute.ConstructorArguments[1].Value is not string memberPath)
            {
                continue;
            }

            if (kind is RpcMethodKind.ClientStreaming or RpcMethodKind.DuplexStreaming)
            {
                Report(DiagnosticDescriptors.TraceTagOnStreamingRequest, attribute, implementation, implementation.Name,
                    kind == RpcMethodKind.ClientStreaming ? "client-streaming" : "duplex-streaming");
                valid = false;
                continue;
            }

            if (!ValidateAttributeName(attributeName, attribute, implementation, seen))
            {
                valid = false;
                continue;
            }

            var tag = ParseTag(attributeName, memberPath, requestType, attribute, implementation);
            if (tag is null)
            {
                valid = false;
            }
            else if (isTraced)
            {
                tags.Add(tag);
            }
        }

        return valid
            ? new RpcMethodModel(baseMethod.Name, kind, SymbolFacts.FullyQualifiedName(requestType), isTraced, mask, tags.ToEquatableArray())
            : null;
    }

    private bool ValidateAttributeName(string name, AttributeData attribute, IMethodSymbol method, HashSet<string> seen)
    {
        string? problem = null;
        if (name.Length == 0)
        {
            problem = "it is empty";
        }
        else if (name.Any(char.IsWhiteSpace))
        {
            problem = "it contains white space";
        }
        else if (name.Length > 255)
        {
            problem = "it is longer than 255 characters";
        }
        else if (name.StartsWith(".", StringComparison.Ordinal) || name.EndsWith(".", StringComparison.Ordinal) || name.Contains(".."))
        {
            problem = "its dot-separated namespaces must not be empty";
        }

        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidTraceTagName, attribute, method, name, problem);
            return false;
        }

        if (s_reservedAttributeNames.Contains(name))
        {
            Report(DiagnosticDescriptors.DuplicateTraceTag, attribute, method, name, "is set by Contrail itself from the RPC conventions; choose a name in your own namespace");
            return false;
        }

        if (!seen.Add(name))
        {
            Report(DiagnosticDescriptors.DuplicateTraceTag, attribute, method, name, $"is recorded more than once on '{method.Name}'");
            return false;
        }

        return true;
    }

    private TraceTagModel? ParseTag(string attributeName, string memberPath, ITypeSymbol requestType, AttributeData attribute, IMethodSymbol method)
    {
        var steps = memberPath.Split('.');
        var path = new List<string>(steps.Length);
        var nullableSteps = new List<bool>(steps.Length);
        var current = requestType;

        for (var i = 0; i < steps.Length; i++)
        {
            var member = FindReadableMember(current, steps[i]);
            if (member is null)
            {
                Report(DiagnosticDescriptors.TraceTagMemberNotFound, attribute, method, current.Name, steps[i], memberPath);
                return null;
            }

            path.Add(member.Value.Name);
            var memberType = member.Value.Type;
            if (i < steps.Length - 1)
            {
                // A step into a nested message: records nothing when the message is absent.
                if (memberType.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || IsRecordable(memberType, out _, out _)
                    || memberType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    Report(DiagnosticDescriptors.TraceTagMemberNotRecordable, attribute, method, memberPath, memberType.ToDisplayString());
                    return null;
                }

                nullableSteps.Add(memberType.IsReferenceType);
                current = memberType;
                continue;
            }

            if (!IsRecordable(memberType, out var valueKind, out var nullableStruct))
            {
                Report(DiagnosticDescriptors.TraceTagMemberNotRecordable, attribute, method, memberPath, memberType.ToDisplayString());
                return null;
            }

            if (valueKind == TagValueKind.Enum)
            {
                var enumType = nullableStruct ? ((INamedTypeSymbol)memberType).TypeArguments[0] : memberType;
                AddEnum((INamedTypeSymbol)enumType);
            }

            return new TraceTagModel(attributeName, path.ToEquatableArray(), nullableSteps.ToEquatableArray(), valueKind, nullableStruct);
        }

        return null;
    }

    private static (string Name, ITypeSymbol Type)? FindReadableMember(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                switch (member)
                {
                    case IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public, DeclaredAccessibility: Accessibility.Public } property:
                        return (property.Name, property.Type);
                    case IFieldSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } field:
                        return (field.Name, field.Type);
                }
            }
        }

        return null;
    }

    private static bool IsRecordable(ITypeSymbol type, out TagValueKind kind, out bool nullableStruct)
    {
        nullableStruct = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            nullableStruct = true;
            type = nullable.TypeArguments[0];
        }

        kind = TagValueKind.Primitive;
        if (type.TypeKind == TypeKind.Enum)
        {
            kind = TagValueKind.Enum;
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return !nullableStruct;
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
                return true;
            default:
                return false;
        }
    }

    private void AddEnum(INamedTypeSymbol enumType)
    {
        var typeName = SymbolFacts.FullyQualifiedName(enumType);
        if (_enums.ContainsKey(typeName))
        {
            return;
        }

        var members = new List<EnumMemberModel>();
        var seenValues = new HashSet<object>();
        foreach (var member in enumType.GetMembers())
        {
            // Aliased values (proto allow_alias) share a constant: the first name wins, as in a switch.
            if (member is IFieldSymbol { IsConst: true, ConstantValue: { } value } field && seenValues.Add(value))
            {
                members.Add(new EnumMemberModel(field.Name, OriginalName(field) ?? field.Name));
            }
        }

        _enums.Add(typeName, new EnumTagModel(typeName, members.ToEquatableArray()));
    }

    private string? OriginalName(IFieldSymbol field)
    {
        if (_types.OriginalName is null)
        {
            return null;
        }

        var attribute = FindAttribute(field, _types.OriginalName);
        return attribute?.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
    }

    private int ApplySpanStatusOverrides(int mask, ISymbol target)
    {
        if (_types.SpanStatus is null)
        {
            return mask;
        }

        var decided = new Dictionary<int, bool>();
        foreach (var attribute in target.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.SpanStatus)
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not int code)
            {
                continue;
            }

            var isError = true;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "IsError" && named.Value.Value is bool value)
                {
                    isError = value;
                }
            }

            var codeText = attribute.ConstructorArguments[0].Type is INamedTypeSymbol enumType
                ? enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.ConstantValue is int v && v == code)?.Name
                : null;
            codeText = codeText is null ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "GrpcStatusCode." + codeText;

            if (code is < 0 or > 16)
            {
                Report(DiagnosticDescriptors.InvalidSpanStatusOverride, attribute, target, codeText, "names no gRPC status code (0 to 16) and is ignored");
                continue;
            }

            if (code == 0 && isError)
            {
                Report(DiagnosticDescriptors.InvalidSpanStatusOverride, attribute, target, codeText, "is ignored: OK never marks a span as an error");
                continue;
            }

            if (decided.TryGetValue(code, out var earlier))
            {
                Report(DiagnosticDescriptors.InvalidSpanStatusOverride, attribute, target, codeText,
                    earlier == isError ? "repeats an override of the same code and is redundant" : "contradicts an earlier override of the same code; the first one wins");
                continue;
            }

            decided.Add(code, isError);
            mask = isError ? mask | (1 << code) : mask & ~(1 << code);
        }

        return mask;
    }

    private string? TracingAttributeName(AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (SymbolEqualityComparer.Default.Equals(type, _types.TraceTag))
        {
            return "TraceTag";
        }

        if (SymbolEqualityComparer.Default.Equals(type, _types.NotTraced))
        {
            return "NotTraced";
        }

        return SymbolEqualityComparer.Default.Equals(type, _types.SpanStatus) ? "SpanStatus" : null;
    }

    private static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attributeType) =>
        attributeType is null
            ? null
            : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol type)
    {
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            yield return current;
        }
    }

    private void Report(DiagnosticDescriptor descriptor, AttributeData? attribute, ISymbol fallback, params object[] arguments)
    {
        if (_diagnostics is null)
        {
            return;
        }

        _diagnostics.Add(Diagnostic.Create(descriptor, SymbolFacts.AttributeLocation(attribute, fallback, _cancellationToken), arguments));
    }
}
