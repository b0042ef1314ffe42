using System;
using System.IO;
using Contrail.Schema.Protoc;

namespace Contrail.Schema.Tests;

/// <summary>A temporary folder of .proto files for one test, compiled with the real protoc; deleted on dispose.</summary>
internal sealed class ProtoWorkspace : IDisposable
{
    public ProtoWorkspace(string? name = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "contrail-schema-tests", (name ?? "ws") + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        System.IO.Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string CreateDirectory(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public SchemaImage Compile(string relativeDirectory, ProtocCompileOptions? options = null)
        => ProtocCompiler.CompileDirectory(Path.Combine(Root, relativeDirectory), options);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
