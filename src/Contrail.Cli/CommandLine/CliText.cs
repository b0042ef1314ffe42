using System;
using System.Text;

namespace Contrail.Cli.CommandLine;

/// <summary>Small text helpers shared by the commands.</summary>
internal static class CliText
{
    private static readonly char[] LineBreaks = { '\r', '\n', '\t' };

    /// <summary>Gets the encoding of every file the tool writes: UTF-8 without a byte order mark.</summary>
    public static Encoding Utf8NoBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Joins the lines of a text (for example an exception message) with single spaces.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text on one line, trimmed.</returns>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Removes the final period of a sentence, so that another sentence can follow it.</summary>
    /// <param name="text">The sentence.</param>
    /// <returns>The sentence without its final period.</returns>
    public static string WithoutFinalPeriod(string text) =>
        text.EndsWith('.') ? text.Substring(0, text.Length - 1) : text;
}
