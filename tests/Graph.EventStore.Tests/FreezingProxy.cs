using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Graph.EventStore.Tests;

/// <summary>
/// A TCP relay between a client and PostgreSQL that freezes every connection, both ways, once the client has sent a
/// given text (e.g. the statement that takes a lock): as a process stopped there, or a machine cut off the network,
/// whose connections stay open and silent. The client must not encrypt (<c>SSL Mode=Disable</c>) for the text to show.
/// </summary>
internal sealed class FreezingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly byte[] _trigger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;

    public FreezingProxy(string serverHost, int serverPort, string freezeAfter)
    {
        _server = new IPEndPoint(Dns.GetHostAddresses(serverHost).First(a => a.AddressFamily == AddressFamily.InterNetwork), serverPort);
        _trigger = Encoding.UTF8.GetBytes(freezeAfter);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Completes when the client has sent the text and every connection froze.</summary>
    public Task Frozen => _frozen.Task;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        lock (_connections)
        {
            _connections.ForEach(c => c.Dispose());
        }

        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            var server = new TcpClient();
            await server.ConnectAsync(_server, _stopping.Token);
            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            _ = RelayAsync(client.GetStream(), server.GetStream(), watch: true);
            _ = RelayAsync(server.GetStream(), client.GetStream(), watch: false);
        }
    }

    private async Task RelayAsync(Stream from, Stream to, bool watch)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_frozen.Task.IsCompleted)
            {
                var read = await from.ReadAsync(buffer, _stopping.Token);
                if (read == 0 || _frozen.Task.IsCompleted)
                {
                    break;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
                if (watch && buffer.AsSpan(0, read).IndexOf(_trigger) >= 0)
                {
                    _frozen.TrySetResult();
                }
            }

            // Frozen: the connection stays open, and nothing more goes either way.
            await Task.Delay(Timeout.Infinite, _stopping.Token);
        }
        catch (Exception failure) when (failure is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }
}
