using System.Collections.Generic;
using System.Linq;

namespace Contrail.Analyzers.Tests.Propagation;

/// <summary>One corpus case: marked source (members of a service, or a whole file) and the expected messages in span order.</summary>
public sealed record PropagationCase(string Name, string Source, string[] Messages, bool WholeFile = false, bool ClientFactoryPropagation = false)
{
    /// <summary>True when the case expects no diagnostic: it guards against a false positive.</summary>
    public bool MustNotReport => Messages.Length == 0;

    /// <summary>The full test source with markup.</summary>
    public string MarkedSource => WholeFile ? Source : PropagationTestCompilation.InService(Source);

    public override string ToString() => Name;
}

/// <summary>
/// The propagation corpus: idiomatic code that must not be reported and mistakes that must be, each
/// with the exact message. Handlers are overrides of the generated <c>Greeter.GreeterBase</c>.
/// </summary>
internal static class PropagationCorpus
{
    public const string Ctx = "context.CancellationToken";

    public static string C1(string what, string token = Ctx) => $"{what}; pass '{token}' so that it stops when the call is cancelled";

    public static string C2(string method, string token = Ctx, string context = "context") =>
        $"gRPC client call '{method}' carries neither the deadline nor the cancellation of the incoming call; pass 'deadline: {context}.Deadline, cancellationToken: {token}'";

    public static string C3(string what, string handler = "SayHello") =>
        $"{what} outlives the call '{handler}': it can run after the call's span has ended and the call's cancellation does not stop it; await it, or detach it on purpose (a background queue, or a suppression with a justification)";

    public static string C4(string what, string detail) => $"{what} cuts the call's trace: {detail}";

    public static string C5(string parameter, string how, string handler = "SayHello") =>
        $"'{parameter}' belongs to the call '{handler}' but {how}, which outlives the call; copy the values you need before the handler returns";

    public const string SuppressFlowDetail = "work started while the flow is suppressed has no Activity.Current, so its spans start traces of their own; let the execution context flow";

    public const string CurrentNullDetail = "what runs after it has no parent span, so its spans start traces of their own; start a child activity instead, or restore Activity.Current";

    public const string FabricatedDetail = "the span starts a new trace with no relation to the call's; let it parent to Activity.Current, or start a root and add an ActivityLink to Activity.Current.Context";

    public static string UnsafeDetail(string safe) =>
        $"it does not flow the execution context, so the work has no Activity.Current and its spans start traces of their own; use '{safe}'";

    /// <summary>A unary handler around <paramref name="body"/>.</summary>
    public static string Unary(string body, string extra = "") => $$"""
            public override async Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context)
            {
        {{body}}
                return new HelloReply();
            }
        {{extra}}
        """;

    public static string ServerStreaming(string body, string extra = "") => $$"""
            public override async Task SayHellos(HelloRequest request, IServerStreamWriter<HelloReply> responseStream, ServerCallContext context)
            {
        {{body}}
            }
        {{extra}}
        """;

    public static string ClientStreaming(string body, string extra = "") => $$"""
            public override async Task<HelloReply> Collect(IAsyncStreamReader<HelloRequest> requestStream, ServerCallContext context)
            {
        {{body}}
                return new HelloReply();
            }
        {{extra}}
        """;

    public static string Duplex(string body, string extra = "") => $$"""
            public override async Task Chat(IAsyncStreamReader<HelloRequest> requestStream, IServerStreamWriter<HelloReply> responseStream, ServerCallContext context)
            {
        {{body}}
            }
        {{extra}}
        """;

    private static PropagationCase N(string name, string source, bool wholeFile = false, bool clientFactory = false) =>
        new(name, source, System.Array.Empty<string>(), wholeFile, clientFactory);

    private static PropagationCase R(string name, string source, params string[] messages) => new(name, source, messages);

    public static IReadOnlyList<PropagationCase> All { get; } = Build();

    public static PropagationCase Get(string name) => All.Single(c => c.Name == name);

    private static List<PropagationCase> Build() => new()
    {
        // ---------------- must not report ----------------
        N("N01 token passed positionally", Unary("await _repo.FindAsync(request.Name, context.CancellationToken);")),
        N("N02 token passed by name", Unary("await _repo.FindAsync(request.Name, cancellationToken: context.CancellationToken);")),
        N("N03 overload with token used", Unary("await _repo.SaveAsync(request.Name, context.CancellationToken);")),
        N("N04 local copy of the call token", Unary("var ct = context.CancellationToken;\nawait _repo.FindAsync(request.Name, ct);")),
        N("N05 linked token source", Unary("using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);\ncts.CancelAfter(1000);\nawait _repo.FindAsync(request.Name, cts.Token);")),
        N("N06 Task.Delay with token", Unary("await Task.Delay(100, context.CancellationToken);")),
        N("N07 await foreach with WithCancellation", Unary("await foreach (var id in _repo.All.WithCancellation(context.CancellationToken)) { }")),
        N("N08 await foreach over a call given the token", Unary("await foreach (var id in _repo.StreamAsync(context.CancellationToken)) { }")),
        N("N09 own request stream ReadAllAsync without token", ClientStreaming("await foreach (var item in requestStream.ReadAllAsync()) { }")),
        N("N10 own request stream MoveNext", ClientStreaming("while (await requestStream.MoveNext()) { _ = requestStream.Current; }")),
        N("N11 own response stream WriteAsync", ServerStreaming("await responseStream.WriteAsync(new HelloReply());")),
        N("N12 duplex own streams", Duplex("await foreach (var item in requestStream.ReadAllAsync())\n{\n    await responseStream.WriteAsync(new HelloReply { Message = item.Name });\n}")),
        N("N13 deliberate None with a pragma suppression", Unary("#pragma warning disable CTR1001 // The audit record must be written even when the caller gives up.\nawait _repo.SaveAsync(request.Name, CancellationToken.None);\n#pragma warning restore CTR1001")),
        N("N14 background worker outside any handler", """
            using System.Threading;
            using System.Threading.Tasks;
            namespace Shop
            {
                public sealed class Worker
                {
                    private readonly IOrderRepository _repo;
                    public Worker(IOrderRepository repo) => _repo = repo;
                    public async Task RunAsync()
                    {
                        await _repo.FindAsync("x");
                        await Task.Delay(100);
                        _ = Task.Run(() => { });
                        await _repo.SaveAsync("x", CancellationToken.None);
                    }
                }
            }
            """, wholeFile: true),
        N("N15 hosted loop with its own stopping token", """
            using System.Threading;
            using System.Threading.Tasks;
            namespace Shop
            {
                public sealed class Refresher
                {
                    private readonly IOrderRepository _repo;
                    public Refresher(IOrderRepository repo) => _repo = repo;
                    public async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            await _repo.FindAsync("x");
                            await Task.Delay(1000, CancellationToken.None);
                        }
                    }
                }
            }
            """, wholeFile: true),
        N("N16 awaited Task.Run", Unary("var n = await Task.Run(() => 42);")),
        N("N17 awaited Task.Run capturing the context", Unary("await Task.Run(() => context.CancellationToken.ThrowIfCancellationRequested());")),
        N("N18 local function awaited before return", Unary("var pending = Local();\nawait pending;", "\n    async Task Local() { }")),
        N("N19 local function capturing the context, awaited", Unary("await Save();\nasync Task Save() => await _repo.SaveAsync(request.Name, context.CancellationToken);")),
        N("N20 tasks awaited through WhenAll", Unary("var a = _repo.FindAsync(\"a\", context.CancellationToken);\nvar b = _repo.FindAsync(\"b\", context.CancellationToken);\nawait Task.WhenAll(a, b);")),
        N("N21 client call with deadline and token", Unary("await _client.SayHelloAsync(new HelloRequest(), deadline: context.Deadline, cancellationToken: context.CancellationToken);")),
        N("N22 client call with token only", Unary("await _client.SayHelloAsync(new HelloRequest(), cancellationToken: context.CancellationToken);")),
        N("N23 client call with deadline only", Unary("await _client.SayHelloAsync(new HelloRequest(), deadline: context.Deadline);")),
        N("N24 client call with CallOptions from the context", Unary("await _client.SayHelloAsync(new HelloRequest(), new CallOptions(deadline: context.Deadline, cancellationToken: context.CancellationToken));")),
        N("N25 client call with a propagation token", Unary("await _client.SayHelloAsync(new HelloRequest(), new CallOptions(propagationToken: context.CreatePropagationToken()));")),
        N("N26 client call with a CallOptions local", Unary("var options = new CallOptions(cancellationToken: context.CancellationToken);\nawait _client.SayHelloAsync(new HelloRequest(), options);")),
        N("N27 client call when the client factory propagates", Unary("await _client.SayHelloAsync(new HelloRequest());"), clientFactory: true),
        N("N28 client-streaming call with token", Unary("using var call = _client.Collect(cancellationToken: context.CancellationToken);\nawait call.RequestStream.WriteAsync(new HelloRequest());\nawait call.RequestStream.CompleteAsync();\nawait call.ResponseAsync;")),
        N("N29 duplex call with a linked token, its stream read without token", Unary("using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);\nusing var call = _client.Chat(cancellationToken: linked.Token);\nawait foreach (var reply in call.ResponseStream.ReadAllAsync()) { }")),
        N("N30 blocking client call with token", Unary("_client.SayHello(new HelloRequest(), cancellationToken: context.CancellationToken);")),
        N("N31 StartActivity with default(ActivityContext)", Unary("using var activity = Source.StartActivity(\"work\", ActivityKind.Internal, default(ActivityContext));")),
        N("N32 new Activity().Start()", Unary("using var activity = new Activity(\"work\").Start();")),
        N("N33 StartActivity under Activity.Current", Unary("using var activity = Source.StartActivity(\"work\");")),
        N("N34 new root with a link to the caller", Unary("var caller = Activity.Current?.Context ?? default;\nusing var activity = Source.StartActivity(\"batch\", ActivityKind.Internal, new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded), links: new[] { new ActivityLink(caller) });")),
        N("N35 Activity.Current restored", Unary("var previous = Activity.Current;\nusing (var child = Source.StartActivity(\"child\")) { }\nActivity.Current = previous;")),
        N("N36 SuppressFlow outside a handler", """
            using System.Threading;
            namespace Shop
            {
                public static class Timers
                {
                    public static Timer Start()
                    {
                        using (ExecutionContext.SuppressFlow())
                        {
                            return new Timer(_ => { }, null, 1000, Timeout.Infinite);
                        }
                    }
                }
            }
            """, wholeFile: true),
        N("N37 deadline copied to a field, not the context", Unary("_lastDeadline = context.Deadline;", "\n    private DateTime _lastDeadline;")),
        N("N38 context added to a local list", Unary("var seen = new List<ServerCallContext>();\nseen.Add(context);")),
        N("N39 synchronous LINQ lambda capturing the context", Unary("var names = new[] { \"a\" }.Select(n => n + context.Method).ToList();")),
        N("N40 Register on the call's own token", Unary("using var registration = context.CancellationToken.Register(() => Console.WriteLine(context.Method));")),
        N("N41 method without a cancellable overload", Unary("_repo.Touch(request.Name);")),
        N("N42 helper receiving the token passes it on", Unary("await LoadAsync(request.Name, context.CancellationToken);", """
                private async Task LoadAsync(string id, CancellationToken cancellationToken)
                {
                    await _repo.FindAsync(id, cancellationToken);
                    await Task.Delay(10, cancellationToken);
                }
            """)),
        N("N43 helper never given the call's token", Unary("await _repo.FindAsync(request.Name, context.CancellationToken);", """
                public Task WarmAsync() => LoadAsync("x", CancellationToken.None);
                private async Task LoadAsync(string id, CancellationToken cancellationToken)
                {
                    await _repo.FindAsync(id);
                }
            """)),
        N("N44 lambda token parameter used", Unary("await Parallel.ForEachAsync(new[] { \"a\" }, context.CancellationToken, async (id, ct) => await _repo.FindAsync(id, ct));")),
        N("N45 returned task, not discarded", """
                public override Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context)
                {
                    return ReplyAsync(request, context.CancellationToken);
                }

                private async Task<HelloReply> ReplyAsync(HelloRequest request, CancellationToken cancellationToken)
                {
                    await _repo.SaveAsync(request.Name, cancellationToken);
                    return new HelloReply();
                }
            """),
        N("N46 ConfigureAwait with token", Unary("await _repo.FindAsync(request.Name, context.CancellationToken).ConfigureAwait(false);")),
        N("N47 linked source with a second token", Unary("using var timeout = new CancellationTokenSource(5000);\nusing var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, timeout.Token);\nawait _client.SayHelloAsync(new HelloRequest(), cancellationToken: linked.Token);")),
        N("N48 a token of its own on purpose", Unary("using var own = new CancellationTokenSource(1000);\nawait _repo.FindAsync(request.Name, own.Token);")),
        N("N49 fire-and-forget in a non-handler method", Unary("await Task.Yield();", "\n    public void Kick() { _ = _repo.SaveAsync(\"x\"); }")),
        N("N50 server-streaming client call read with the call's token", Unary("using var call = _client.SayHellos(new HelloRequest(), deadline: context.Deadline);\nawait foreach (var reply in call.ResponseStream.ReadAllAsync(context.CancellationToken)) { }")),
        N("N51 deadline chosen from the context", Unary("await _client.SayHelloAsync(new HelloRequest(), deadline: context.Deadline < DateTime.MaxValue ? context.Deadline : DateTime.UtcNow.AddSeconds(5));")),
        N("N52 local function with its own token parameter", Unary("await Each(\"a\", context.CancellationToken);\nasync Task Each(string id, CancellationToken ct) => await _repo.FindAsync(id, ct);")),
        N("N53 async lambda in a local delegate, awaited", Unary("Func<Task> work = async () => await _repo.SaveAsync(request.Name, context.CancellationToken);\nawait work();")),
        N("N54 context kept in a local", Unary("var ctx = context;\n_ = ctx.Method;")),
        N("N55 helper with a ServerCallContext parameter, clean", Unary("await AuditAsync(context);", "\n    private async Task AuditAsync(ServerCallContext context) => await _repo.FindAsync(context.Method, context.CancellationToken);")),
        N("N56 deliberate detach with a pragma suppression", Unary("#pragma warning disable CTR1003 // Cache warm-up is meant to outlive the call.\n_ = Task.Run(() => { });\n#pragma warning restore CTR1003")),
        N("N57 Task.Factory.StartNew awaited", Unary("var n = await Task.Factory.StartNew(() => 1);")),
        N("N58 StartActivity with default parentContext by name", Unary("using var activity = Source.StartActivity(\"work\", ActivityKind.Client, parentContext: default);")),
        N("N59 object initializer holding the context in a local", Unary("var holder = new Holder { Context = context };\n_ = holder;", "\n    private sealed class Holder { public ServerCallContext? Context { get; set; } }")),
        N("N60 client WithHost is not a call", Unary("var other = _client.WithHost(\"other\");\nawait other.SayHelloAsync(new HelloRequest(), cancellationToken: context.CancellationToken);")),
        N("N61 no gRPC handler in the type", """
            using System.Threading.Tasks;
            namespace Shop
            {
                public sealed class Plain
                {
                    public async Task RunAsync(IOrderRepository repo)
                    {
                        await repo.FindAsync("x");
                        _ = repo.SaveAsync("y");
                        System.Diagnostics.Activity.Current = null;
                    }
                }
            }
            """, wholeFile: true),
        N("N62 awaited ThreadPool-free continuation", Unary("var found = await _repo.FindAsync(request.Name, context.CancellationToken).ContinueWith(t => t.Result, context.CancellationToken);")),

        // ---------------- must report ----------------
        R("R01 optional token omitted", Unary("await {|CTR1001:_repo.FindAsync(request.Name)|};"),
            C1("'IOrderRepository.FindAsync' takes a CancellationToken but is given none")),
        R("R02 CancellationToken.None passed", Unary("await _repo.FindAsync(request.Name, {|CTR1001:CancellationToken.None|});"),
            C1("'IOrderRepository.FindAsync' is given 'CancellationToken.None' as its CancellationToken")),
        R("R03 default literal passed", Unary("await _repo.FindAsync(request.Name, {|CTR1001:default|});"),
            C1("'IOrderRepository.FindAsync' is given 'default' as its CancellationToken")),
        R("R04 default(CancellationToken) passed", Unary("await _repo.FindAsync(request.Name, {|CTR1001:default(CancellationToken)|});"),
            C1("'IOrderRepository.FindAsync' is given 'default(CancellationToken)' as its CancellationToken")),
        R("R05 new CancellationToken() passed", Unary("await _repo.FindAsync(request.Name, {|CTR1001:new CancellationToken()|});"),
            C1("'IOrderRepository.FindAsync' is given 'new CancellationToken()' as its CancellationToken")),
        R("R06 overload with a token not used", Unary("await {|CTR1001:_repo.SaveAsync(request.Name)|};"),
            C1("'IOrderRepository.SaveAsync' has an overload that takes a CancellationToken")),
        R("R07 Task.Delay without token", Unary("await {|CTR1001:Task.Delay(100)|};"),
            C1("'Task.Delay' has an overload that takes a CancellationToken")),
        R("R08 await foreach without WithCancellation", Unary("await foreach (var id in {|CTR1001:_repo.All|}) { }"),
            C1("'await foreach' over '_repo.All' passes no token to the enumerator (WithCancellation)")),
        R("R09 await foreach over a call given no token", Unary("await foreach (var id in {|CTR1001:_repo.StreamAsync()|}) { }"),
            C1("'IOrderRepository.StreamAsync' takes a CancellationToken but is given none")),
        R("R10 WithCancellation(default)", Unary("await foreach (var id in _repo.All.WithCancellation({|CTR1001:default|})) { }"),
            C1("'TaskAsyncEnumerableExtensions.WithCancellation' is given 'default' as its CancellationToken")),
        R("R11 ConfigureAwait without WithCancellation", Unary("await foreach (var id in {|CTR1001:_repo.All.ConfigureAwait(false)|}) { }"),
            C1("'await foreach' over '_repo.All' passes no token to the enumerator (WithCancellation)")),
        R("R12 suggests the local copy", Unary("var ct = context.CancellationToken;\nawait {|CTR1001:_repo.FindAsync(request.Name)|};"),
            C1("'IOrderRepository.FindAsync' takes a CancellationToken but is given none", "ct")),
        R("R13 suggests the linked source", Unary("using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);\nawait {|CTR1001:_repo.FindAsync(request.Name)|};"),
            C1("'IOrderRepository.FindAsync' takes a CancellationToken but is given none", "cts.Token")),
        R("R14 suggests the lambda's token", Unary("await Parallel.ForEachAsync(new[] { \"a\" }, context.CancellationToken, async (id, ct) => await {|CTR1001:_repo.FindAsync(id)|});"),
            C1("'IOrderRepository.FindAsync' takes a CancellationToken but is given none", "ct")),
        R("R15 helper given the call's token drops it", Unary("await LoadAsync(request.Name, context.CancellationToken);", """
                private async Task LoadAsync(string id, CancellationToken cancellationToken)
                {
                    await {|CTR1001:_repo.FindAsync(id)|};
                }
            """),
            C1("'IOrderRepository.FindAsync' takes a CancellationToken but is given none", "cancellationToken")),
        R("R16 helper of a helper drops it", Unary("await LoadAsync(request.Name, context.CancellationToken);", """
                private Task LoadAsync(string id, CancellationToken token) => WaitAsync(token);
                private async Task WaitAsync(CancellationToken inner)
                {
                    await {|CTR1001:Task.Delay(5)|};
                }
            """),
            C1("'Task.Delay' has an overload that takes a CancellationToken", "inner")),
        R("R17 server-streaming handler delay", ServerStreaming("await responseStream.WriteAsync(new HelloReply());\nawait {|CTR1001:Task.Delay(100)|};"),
            C1("'Task.Delay' has an overload that takes a CancellationToken")),
        R("R18 SemaphoreSlim.WaitAsync", Unary("await {|CTR1001:_gate.WaitAsync()|};\n_gate.Release();", "\n    private readonly SemaphoreSlim _gate = new(1);"),
            C1("'SemaphoreSlim.WaitAsync' has an overload that takes a CancellationToken")),
        R("R19 File.ReadAllTextAsync", Unary("var text = await {|CTR1001:System.IO.File.ReadAllTextAsync(\"orders.json\")|};"),
            C1("'File.ReadAllTextAsync' takes a CancellationToken but is given none")),
        R("R20 HttpClient.GetStringAsync", Unary("var body = await {|CTR1001:_http.GetStringAsync(\"http://inventory/items\")|};", "\n    private readonly System.Net.Http.HttpClient _http = new();"),
            C1("'HttpClient.GetStringAsync' has an overload that takes a CancellationToken")),
        R("R21 call inside an awaited Task.Run", Unary("await Task.Run(async () => await {|CTR1001:_repo.FindAsync(request.Name)|});"),
            C1("'IOrderRepository.FindAsync' takes a CancellationToken but is given none")),
        R("R22 context parameter with another name", """
                public override async Task<HelloReply> SayHello(HelloRequest request, ServerCallContext ctx)
                {
                    await {|CTR1001:_repo.FindAsync(request.Name)|};
                    return new HelloReply();
                }
            """,
            C1("'IOrderRepository.FindAsync' takes a CancellationToken but is given none", "ctx.CancellationToken")),
        R("R23 method taking a ServerCallContext is a handler", Unary("await AuditAsync(context);", "\n    private async Task AuditAsync(ServerCallContext context) => await {|CTR1001:_repo.FindAsync(context.Method)|};"),
            C1("'IOrderRepository.FindAsync' takes a CancellationToken but is given none")),
        R("R24 client-streaming handler repository call", ClientStreaming("await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken))\n{\n    await {|CTR1001:_repo.SaveAsync(item.Name)|};\n}"),
            C1("'IOrderRepository.SaveAsync' has an overload that takes a CancellationToken")),
        R("R25 duplex handler delay", Duplex("await foreach (var item in requestStream.ReadAllAsync())\n{\n    await {|CTR1001:Task.Delay(10)|};\n    await responseStream.WriteAsync(new HelloReply());\n}"),
            C1("'Task.Delay' has an overload that takes a CancellationToken")),
        R("R26 None given to the overload", Unary("await _repo.SaveAsync(request.Name, {|CTR1001:CancellationToken.None|});"),
            C1("'IOrderRepository.SaveAsync' is given 'CancellationToken.None' as its CancellationToken")),

        R("R27 unary client call without deadline or token", Unary("await {|CTR1002:_client.SayHelloAsync(new HelloRequest())|};"),
            C2("GreeterClient.SayHelloAsync")),
        R("R28 blocking client call", Unary("var reply = {|CTR1002:_client.SayHello(new HelloRequest())|};"),
            C2("GreeterClient.SayHello")),
        R("R29 server-streaming client call", Unary("using var call = {|CTR1002:_client.SayHellos(new HelloRequest())|};"),
            C2("GreeterClient.SayHellos")),
        R("R30 client-streaming client call", Unary("using var call = {|CTR1002:_client.Collect()|};"),
            C2("GreeterClient.Collect")),
        R("R31 duplex client call", Unary("using var call = {|CTR1002:_client.Chat()|};"),
            C2("GreeterClient.Chat")),
        R("R32 empty CallOptions", Unary("await {|CTR1002:_client.SayHelloAsync(new HelloRequest(), new CallOptions())|};"),
            C2("GreeterClient.SayHelloAsync")),
        R("R33 CallOptions with headers only", Unary("await {|CTR1002:_client.SayHelloAsync(new HelloRequest(), new CallOptions(headers: new Metadata()))|};"),
            C2("GreeterClient.SayHelloAsync")),
        R("R34 fixed deadline, no token", Unary("await {|CTR1002:_client.SayHelloAsync(new HelloRequest(), deadline: DateTime.UtcNow.AddSeconds(5))|};"),
            C2("GreeterClient.SayHelloAsync")),
        R("R35 client call given CancellationToken.None", Unary("await {|CTR1002:_client.SayHelloAsync(new HelloRequest(), cancellationToken: CancellationToken.None)|};"),
            C2("GreeterClient.SayHelloAsync")),
        R("R36 client call inside a lambda", Unary("Func<Task<HelloReply>> call = async () => await {|CTR1002:_client.SayHelloAsync(new HelloRequest())|};\nawait call();"),
            C2("GreeterClient.SayHelloAsync")),
        R("R37 client call suggests the local token", Unary("var ct = context.CancellationToken;\nawait {|CTR1002:_client.SayHelloAsync(new HelloRequest())|};"),
            C2("GreeterClient.SayHelloAsync", "ct")),
        R("R38 client call in a streaming handler", ServerStreaming("var reply = await {|CTR1002:_client.SayHelloAsync(request)|};\nawait responseStream.WriteAsync(reply);"),
            C2("GreeterClient.SayHelloAsync")),
        R("R39 CallOptions local without context", Unary("var options = new CallOptions(headers: new Metadata());\nawait {|CTR1002:_client.SayHelloAsync(new HelloRequest(), options)|};"),
            C2("GreeterClient.SayHelloAsync")),

        R("R40 discarded Task.Run", Unary("_ = {|CTR1003:Task.Run(() => Console.WriteLine(\"later\"))|};"),
            C3("Work started with 'Task.Run' and not awaited")),
        R("R41 Task.Run as a statement", Unary("{|CTR1003:Task.Run(() => Console.WriteLine(\"later\"))|};"),
            C3("Work started with 'Task.Run' and not awaited")),
        R("R42 Task.Factory.StartNew discarded", Unary("_ = {|CTR1003:Task.Factory.StartNew(() => Console.WriteLine(\"later\"))|};"),
            C3("Work started with 'TaskFactory.StartNew' and not awaited")),
        R("R43 ThreadPool.QueueUserWorkItem", Unary("{|CTR1003:ThreadPool.QueueUserWorkItem(_ => Console.WriteLine(\"later\"))|};"),
            C3("Work started with 'ThreadPool.QueueUserWorkItem' and not awaited")),
        R("R44 discarded repository task", Unary("_ = {|CTR1003:_repo.SaveAsync(request.Name, context.CancellationToken)|};"),
            C3("The task returned by 'IOrderRepository.SaveAsync' is discarded, so the work")),
        R("R45 unawaited task statement", Unary("#pragma warning disable CS4014\n{|CTR1003:_repo.LogAsync(\"hello\")|};\n#pragma warning restore CS4014"),
            C3("The task returned by 'IOrderRepository.LogAsync' is discarded, so the work")),
        R("R46 async void local function", Unary("{|CTR1003:Fire()|};\nasync void Fire() => await Task.Delay(1, {|CTR1005:context|}.CancellationToken);"),
            C3("The async void method 'Fire'"),
            C5("context", "is captured by the local function 'Fire', which is not awaited")),
        R("R47 async void lambda", Unary("Action fire = {|CTR1003:async|} () => await {|CTR1001:Task.Delay(1)|};\nfire();"),
            C3("An async void lambda"),
            C1("'Task.Delay' has an overload that takes a CancellationToken")),
        R("R48 discarded continuation", Unary("_ = {|CTR1003:_repo.FindAsync(request.Name, context.CancellationToken).ContinueWith(t => Console.WriteLine(t.Result))|};"),
            C3("Work started with 'Task.ContinueWith' and not awaited")),

        R("R49 ExecutionContext.SuppressFlow", Unary("using ({|CTR1004:ExecutionContext.SuppressFlow()|})\n{\n    _timer = new Timer(_ => { }, null, 1000, Timeout.Infinite);\n}", "\n    private Timer? _timer;"),
            C4("'ExecutionContext.SuppressFlow()'", SuppressFlowDetail)),
        R("R50 ThreadPool.UnsafeQueueUserWorkItem", Unary("{|CTR1004:ThreadPool.UnsafeQueueUserWorkItem(_ => Console.WriteLine(\"later\"), null)|};"),
            C4("'ThreadPool.UnsafeQueueUserWorkItem'", UnsafeDetail("ThreadPool.QueueUserWorkItem"))),
        R("R51 CancellationToken.UnsafeRegister", Unary("using var registration = {|CTR1004:context.CancellationToken.UnsafeRegister(_ => Console.WriteLine(\"cancelled\"), null)|};"),
            C4("'CancellationToken.UnsafeRegister'", UnsafeDetail("CancellationToken.Register"))),
        R("R52 Activity.Current = null", Unary("{|CTR1004:Activity.Current = null|};\nawait _repo.SaveAsync(request.Name, context.CancellationToken);"),
            C4("'Activity.Current = null'", CurrentNullDetail)),
        R("R53 span under a fabricated root", Unary("using var activity = {|CTR1004:Source.StartActivity(\"work\", ActivityKind.Internal, new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded))|};"),
            C4("'ActivitySource.StartActivity' with a parent made from random ids", FabricatedDetail)),
        R("R54 fabricated root through a local", Unary("var root = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);\nusing var activity = {|CTR1004:Source.StartActivity(\"work\", ActivityKind.Internal, root)|};"),
            C4("'ActivitySource.StartActivity' with a parent made from random ids", FabricatedDetail)),
        R("R55 fabricated parent id string", Unary("using var activity = {|CTR1004:Source.StartActivity(\"work\", ActivityKind.Internal, parentId: $\"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01\")|};"),
            C4("'ActivitySource.StartActivity' with a parent made from random ids", FabricatedDetail)),
        R("R56 SetParentId with random ids", Unary("using var activity = {|CTR1004:new Activity(\"work\").SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom())|}.Start();"),
            C4("'Activity.SetParentId' with a parent made from random ids", FabricatedDetail)),

        R("R57 context stored in a field", Unary("_last = {|CTR1005:context|};", "\n    private ServerCallContext? _last;"),
            C5("context", "is stored in '_last'")),
        R("R58 response stream stored in a static field", ServerStreaming("s_stream = {|CTR1005:responseStream|};\nawait Task.CompletedTask;", "\n    private static IServerStreamWriter<HelloReply>? s_stream;"),
            C5("responseStream", "is stored in 's_stream'", "SayHellos")),
        R("R59 response stream added to a subscriber list", ServerStreaming("_subscribers.Add({|CTR1005:responseStream|});\nawait Task.Delay(-1, context.CancellationToken);", "\n    private readonly List<IServerStreamWriter<HelloReply>> _subscribers = new();"),
            C5("responseStream", "is added to '_subscribers'", "SayHellos")),
        R("R60 context added to a dictionary", Unary("_calls.TryAdd(context.Peer, {|CTR1005:context|});", "\n    private readonly ConcurrentDictionary<string, ServerCallContext> _calls = new();"),
            C5("context", "is added to '_calls'")),
        R("R61 Task.Run capturing the context", Unary("_ = {|CTR1003:Task.Run(() => Console.WriteLine({|CTR1005:context|}.Peer))|};"),
            C3("Work started with 'Task.Run' and not awaited"),
            C5("context", "is captured by work started with 'Task.Run' and not awaited")),
        R("R62 delegate stored in a field", Unary("_onDone = () => Console.WriteLine({|CTR1005:context|}.Peer);", "\n    private Action? _onDone;"),
            C5("context", "is captured by a delegate stored in '_onDone'")),
        R("R63 lambda subscribed to a static event", Unary("Changed += (_, _) => Console.WriteLine({|CTR1005:context|}.Peer);", "\n    private static event EventHandler? Changed;"),
            C5("context", "is captured by a handler of the event 'Changed'")),
        R("R64 local function capturing a stream, not awaited", ServerStreaming("_ = {|CTR1003:Pump()|};\nasync Task Pump() => await {|CTR1005:responseStream|}.WriteAsync(new HelloReply());"),
            C3("The task returned by 'Pump' is discarded, so the work", "SayHellos"),
            C5("responseStream", "is captured by the local function 'Pump', which is not awaited", "SayHellos")),
        R("R65 context stored by indexer", Unary("_byPeer[context.Peer] = {|CTR1005:context|};", "\n    private readonly Dictionary<string, ServerCallContext> _byPeer = new();"),
            C5("context", "is stored in '_byPeer[...]'")),
        R("R66 QueueUserWorkItem capturing the request stream", ClientStreaming("{|CTR1003:ThreadPool.QueueUserWorkItem(_ => _ = {|CTR1005:requestStream|}.Current)|};"),
            C3("Work started with 'ThreadPool.QueueUserWorkItem' and not awaited", "Collect"),
            C5("requestStream", "is captured by work started with 'ThreadPool.QueueUserWorkItem' and not awaited", "Collect")),
    };
}
