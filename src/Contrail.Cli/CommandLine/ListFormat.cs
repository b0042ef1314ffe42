namespace Contrail.Cli.CommandLine;

/// <summary>The output formats of the <c>list</c> commands (<c>contrail errors list</c>, <c>contrail metrics list</c>).</summary>
internal enum ListFormat
{
    /// <summary>A Markdown heading and table; the default (the zero value, what an absent <c>--format</c> gives).</summary>
    Markdown = 0,

    /// <summary>An indented JSON document, e.g. <c>{"errors":[...]}</c> or <c>{"instruments":[...]}</c>.</summary>
    Json,
}
