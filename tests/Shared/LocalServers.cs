using System;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace Bitrix24.Generated.Tests;

/// <summary>What the servers the tests start of their own (Redis, PostgreSQL) need: a free port and a folder.</summary>
internal static class LocalServers
{
    /// <summary>A port on 127.0.0.1 that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A new empty folder under the temporary folder, named <paramref name="prefix"/> and a random tail.</summary>
    public static string CreateFolder(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Deletes a server's folder; one still held open by a process that has not quite gone is left.</summary>
    public static void DeleteFolder(string? folder)
    {
        if (folder is null)
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
