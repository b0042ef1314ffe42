using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace Contrail.Generators.Tests;

/// <summary>
/// Compares generated text with checked-in expected files under Snapshots/. Run the tests with
/// UPDATE_BASELINES=1 to rewrite them, then review the diff like code.
/// </summary>
internal static class Snapshot
{
    public static void Match(string caseName, string fileName, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots", caseName);
        var path = Path.Combine(directory, fileName);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No expected file {caseName}/{fileName}; run the tests with UPDATE_BASELINES=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var line = 0;
            while (line < Math.Min(expectedLines.Length, actualLines.Length) && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            Assert.Fail($"{caseName}/{fileName} differs from the expected file at line {line + 1}:\n" +
                $"expected: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n" +
                $"actual:   {(line < actualLines.Length ? actualLines[line] : "<end>")}\n" +
                "Run the tests with UPDATE_BASELINES=1 to accept the new output.");
        }
    }
}
