namespace Contrail.Cli.Metrics;

/// <summary>The output formats of <c>contrail metrics list</c>.</summary>
internal enum MetricsListFormat
{
    /// <summary>A Markdown heading and table; the default (the zero value, what an absent <c>--format</c> gives).</summary>
    Markdown = 0,

    /// <summary>An indented JSON document, <c>{"instruments":[...]}</c>.</summary>
    Json,
}
