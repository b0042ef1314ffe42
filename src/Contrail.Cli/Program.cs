using System;
using System.IO;
using System.Text;

namespace Contrail.Cli;

/// <summary>The process entry point of the <c>contrail</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            // UTF-8 without a byte order mark whatever the console's code page (Windows' OEM page).
            Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        catch (IOException)
        {
            // No console to configure: keep the default encoding.
        }

        return ContrailCli.Run(args, Console.Out, Console.Error);
    }
}
