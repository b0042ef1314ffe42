using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace Contrail.Schema.Breaking;

/// <summary>
/// One comparison: pairs the baseline's elements with the current ones as buf does (files by path, messages, enums
/// and services by full name, fields by number, methods by name) and runs each selected rule of
/// <see cref="BreakingRuleTable"/> on each pair of its kind.
/// </summary>
internal sealed class BreakingRun
{
    private readonly SchemaPair _schema;
    private readonly Dictionary<string, EnumDescriptorProto> _currentEnums;
    private readonly Dictionary<string, EnumDescriptorProto> _previousEnums;
    private readonly List<BreakingRuleUnit> _units = new();

    public BreakingRun(SchemaIndex current, SchemaIndex against, SchemaImage currentImage, SchemaImage againstImage, ISet<string> selected)
    {
        _schema = new SchemaPair(current, against);
        _currentEnums = ImageEnums.ByFullName(currentImage);
        _previousEnums = ImageEnums.ByFullName(againstImage);
        foreach (var unit in BreakingRuleTable.Units)
        {
            if (selected.Contains(unit.RuleId))
            {
                _units.Add(unit);
            }
        }
    }

    public List<BreakingFinding> Findings { get; } = new();

    public void Execute()
    {
        // Findings are sorted and deduplicated afterwards, so only each rule's own order matters: pairs come in the
        // baseline's order, as buf's handlers visit them.
        Run(new[] { _schema });
        Run(FilePairs());
        Run(MessagePairs());
        Run(FieldPairs());
        Run(EnumPairs());
        Run(ServicePairs());
        Run(MethodPairs());
    }

    private void Run<TPair>(IEnumerable<TPair> pairs)
    {
        var checks = new List<(PairRule<TPair> Check, RuleFindings Findings)>();
        foreach (var unit in _units)
        {
            if (unit is BreakingRuleUnit<TPair> typed)
            {
                checks.Add((typed.Check, new RuleFindings(unit.RuleId, Findings)));
            }
        }

        if (checks.Count == 0)
        {
            // No selected rule looks at this kind: do not even pair it.
            return;
        }

        foreach (var pair in pairs)
        {
            foreach (var (check, findings) in checks)
            {
                check(pair, findings);
            }
        }
    }

    private IEnumerable<FilePair> FilePairs()
    {
        foreach (var previous in _schema.Previous.Files)
        {
            if (_schema.Current.FilesByPath.TryGetValue(previous.Path, out var file))
            {
                yield return new FilePair(file, previous);
            }
        }
    }

    private IEnumerable<MessagePair> MessagePairs()
    {
        foreach (var previous in _schema.Previous.MessageList)
        {
            if (_schema.Current.MessagesByFullName.TryGetValue(previous.FullName, out var message))
            {
                yield return new MessagePair(message, previous);
            }
        }
    }

    private IEnumerable<FieldPair> FieldPairs()
    {
        foreach (var previousMessage in _schema.Previous.MessageList)
        {
            if (!_schema.Current.MessagesByFullName.TryGetValue(previousMessage.FullName, out var message))
            {
                continue;
            }

            foreach (var previousField in previousMessage.Fields)
            {
                // A number declared twice is compared once, for its first declaration.
                if (message.FieldsByNumber.TryGetValue(previousField.Number, out var field)
                    && ReferenceEquals(previousMessage.FieldsByNumber[previousField.Number], previousField))
                {
                    yield return new FieldPair(field, previousField, _currentEnums, _previousEnums);
                }
            }
        }

        foreach (var pair in _schema.Previous.ExtensionsByExtendee)
        {
            if (!_schema.Current.ExtensionsByExtendee.TryGetValue(pair.Key, out var byNumber))
            {
                continue;
            }

            foreach (var previousPair in pair.Value)
            {
                if (byNumber.TryGetValue(previousPair.Key, out var field))
                {
                    yield return new FieldPair(field, previousPair.Value, _currentEnums, _previousEnums);
                }
            }
        }
    }

    private IEnumerable<EnumPair> EnumPairs()
    {
        foreach (var previous in _schema.Previous.EnumList)
        {
            if (_schema.Current.EnumsByFullName.TryGetValue(previous.FullName, out var enumNode))
            {
                yield return new EnumPair(enumNode, previous);
            }
        }
    }

    private IEnumerable<ServicePair> ServicePairs()
    {
        foreach (var previous in _schema.Previous.ServiceList)
        {
            if (_schema.Current.ServicesByFullName.TryGetValue(previous.FullName, out var service))
            {
                yield return new ServicePair(service, previous);
            }
        }
    }

    private IEnumerable<MethodPair> MethodPairs()
    {
        foreach (var (service, previous) in ServicePairs())
        {
            for (var i = 0; i < previous.Proto.Method.Count; i++)
            {
                if (service.Methods.TryGetValue(previous.Proto.Method[i].Name, out var index))
                {
                    yield return new MethodPair(service, index, previous, i);
                }
            }
        }
    }
}
