namespace Contrail.Cli.Errors;

/// <summary>The output formats of <c>contrail errors list</c>.</summary>
internal enum ErrorListFormat
{
    /// <summary>A Markdown heading and table; the default (the zero value, what an absent <c>--format</c> gives).</summary>
    Markdown = 0,

    /// <summary>An indented JSON document, <c>{"errors":[...]}</c>.</summary>
    Json,
}
