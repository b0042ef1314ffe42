using Contrail.Generators.Common;
using static Contrail.Generators.TracedServices.RpcSemanticConventions;

namespace Contrail.Generators.TracedServices;

/// <summary>
/// Writes the per-assembly part of the traced-services feature: the telemetry core every traced
/// service's interceptor calls (span, status and duration handling) and <c>AddContrail()</c>.
/// </summary>
internal static class ServerTelemetryEmitter
{
    public const string TelemetryHintName = "Contrail.ServerTelemetry.g.cs";
    public const string RegistrationHintName = "Contrail.GrpcServerBuilderExtensions.g.cs";

    /// <summary>Writes the telemetry core shared by the traced services of one assembly.</summary>
    /// <param name="hasInstrumentAdvice">Whether the runtime has <c>InstrumentAdvice&lt;T&gt;</c> (.NET 9+) for bucket advice.</param>
    public static string EmitTelemetry(bool hasInstrumentAdvice)
    {
        var advice = hasInstrumentAdvice
            ? $$"""
                new global::System.Diagnostics.Metrics.InstrumentAdvice<double> { HistogramBucketBoundaries = new double[] { {{DurationBuckets}} } }
                """
            : "null";
        var createDuration = hasInstrumentAdvice
            ? $"Meter.CreateHistogram<double>(\"{ServerCallDuration}\", \"{ServerCallDurationUnit}\", \"{ServerCallDurationDescription}\", tags: null, advice: {advice})"
            : $"Meter.CreateHistogram<double>(\"{ServerCallDuration}\", \"{ServerCallDurationUnit}\", \"{ServerCallDurationDescription}\")";

        return GeneratedCode.Header + $$"""

namespace Contrail.Generated
{
    /// <summary>
    /// Server telemetry shared by the traced gRPC services of this assembly: one span per call
    /// following the OpenTelemetry RPC conventions v{{Version}}, and <c>{{ServerCallDuration}}</c>.
    /// </summary>
    /// <remarks>
    /// Spans come from the <see cref="global::System.Diagnostics.ActivitySource"/> named
    /// <c>{{InstrumentationName}}</c>; when ASP.NET Core's request span is recorded it is enriched
    /// instead, so each call has exactly one recorded server span. The histogram comes from the
    /// <see cref="global::System.Diagnostics.Metrics.Meter"/> of the same name.
    /// </remarks>
    {{GeneratedCode.Attribute}}
    internal static partial class ContrailServerTelemetry
    {
        /// <summary>The name of the ActivitySource and Meter: subscribe to it in your tracer and meter providers.</summary>
        public const string InstrumentationName = "{{InstrumentationName}}";

        private const string HostingActivityName = "{{HostingActivityName}}";
        private const string HostingActivitySourceName = "{{HostingActivitySourceName}}";
        private const string InstrumentationVersion = "{{GeneratedCode.Version}}";

        public static readonly global::System.Diagnostics.ActivitySource ActivitySource = new global::System.Diagnostics.ActivitySource(InstrumentationName, InstrumentationVersion);

        /// <summary>
        /// Never starts a span: listeners attach to every source of a name they listen to, so this
        /// tells cheaply whether anything could be recording ASP.NET Core's request span.
        /// </summary>
        private static readonly global::System.Diagnostics.ActivitySource HostingSourceProbe = new global::System.Diagnostics.ActivitySource(HostingActivitySourceName);

        private static readonly global::System.Diagnostics.Metrics.Meter Meter = new global::System.Diagnostics.Metrics.Meter(InstrumentationName, InstrumentationVersion);

        private static readonly global::System.Diagnostics.Metrics.Histogram<double> CallDuration = {{createDuration}};

        /// <summary>Whether <c>{{StabilityOptInVariable}}</c> asks for the pre-1.39 names as well ({{DuplicateOptInValue}}).</summary>
        private static readonly bool EmitLegacyConventions = ReadLegacyOptIn();

        private static readonly global::System.Diagnostics.Metrics.Histogram<double>? LegacyServerDuration = EmitLegacyConventions
            ? Meter.CreateHistogram<double>("{{LegacyServerDuration}}", "{{LegacyServerDurationUnit}}", "Measures the duration of inbound RPC.")
            : null;

        private static readonly global::System.Diagnostics.DistributedContextPropagator.PropagatorGetterCallback ReadMetadata = static (object? carrier, string fieldName, out string? fieldValue, out global::System.Collections.Generic.IEnumerable<string>? fieldValues) =>
        {
            fieldValues = null;
            fieldValue = (carrier as global::Grpc.Core.Metadata)?.GetValue(fieldName);
        };

        /// <summary>
        /// Whether anything would record this call: a listener on Contrail's source or histogram, or
        /// a recorded ASP.NET Core request span to enrich. When nothing does, calls pass straight through.
        /// </summary>
        public static bool IsEnabled()
        {
            if (ActivitySource.HasListeners() || CallDuration.Enabled || (LegacyServerDuration?.Enabled ?? false))
            {
                return true;
            }

            // Reading Activity.Current is the costly part of this check: skip it when nothing
            // listens to ASP.NET Core's source, since its request span cannot be recorded then.
            return HostingSourceProbe.HasListeners() && IsRecordedHostingActivity(global::System.Diagnostics.Activity.Current);
        }

        /// <summary>Traces a unary call.</summary>
        public static async global::System.Threading.Tasks.Task<TResponse> TraceUnaryAsync<TRequest, TResponse>(
            RpcMethodTelemetry method,
            TRequest request,
            global::Grpc.Core.ServerCallContext context,
            global::Grpc.Core.UnaryServerMethod<TRequest, TResponse> continuation,
            global::System.Action<int, global::System.Diagnostics.Activity, object>? enrichRequest)
            where TRequest : class
            where TResponse : class
        {
            var call = ServerCall.Start(method, context);
            call.EnrichRequest(enrichRequest, request);
            TResponse response;
            try
            {
                response = await continuation(request, context).ConfigureAwait(false);
            }
            catch (global::System.Exception exception)
            {
                var replacement = call.Complete(context, exception);
                if (replacement is not null)
                {
                    throw replacement;
                }

                throw;
            }

            // grpc-dotnet fails a call whose handler returned no message, after the interceptors.
            call.Complete(context, IsMissing(response) ? NoMessageReturned : null);
            return response;
        }

        /// <summary>Traces a client-streaming call.</summary>
        public static async global::System.Threading.Tasks.Task<TResponse> TraceClientStreamingAsync<TRequest, TResponse>(
            RpcMethodTelemetry method,
            global::Grpc.Core.IAsyncStreamReader<TRequest> requestStream,
            global::Grpc.Core.ServerCallContext context,
            global::Grpc.Core.ClientStreamingServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class
        {
            var call = ServerCall.Start(method, context);
            TResponse response;
            try
            {
                response = await continuation(requestStream, context).ConfigureAwait(false);
            }
            catch (global::System.Exception exception)
            {
                var replacement = call.Complete(context, exception);
                if (replacement is not null)
                {
                    throw replacement;
                }

                throw;
            }

            // grpc-dotnet fails a call whose handler returned no message, after the interceptors.
            call.Complete(context, IsMissing(response) ? NoMessageReturned : null);
            return response;
        }

        /// <summary>Traces a server-streaming call.</summary>
        public static async global::System.Threading.Tasks.Task TraceServerStreamingAsync<TRequest, TResponse>(
            RpcMethodTelemetry method,
            TRequest request,
            global::Grpc.Core.IServerStreamWriter<TResponse> responseStream,
            global::Grpc.Core.ServerCallContext context,
            global::Grpc.Core.ServerStreamingServerMethod<TRequest, TResponse> continuation,
            global::System.Action<int, global::System.Diagnostics.Activity, object>? enrichRequest)
            where TRequest : class
            where TResponse : class
        {
            var call = ServerCall.Start(method, context);
            call.EnrichRequest(enrichRequest, request);
            try
            {
                await continuation(request, responseStream, context).ConfigureAwait(false);
            }
            catch (global::System.Exception exception)
            {
                var replacement = call.Complete(context, exception);
                if (replacement is not null)
                {
                    throw replacement;
                }

                throw;
            }

            call.Complete(context, exception: null);
        }

        /// <summary>Traces a duplex-streaming call.</summary>
        public static async global::System.Threading.Tasks.Task TraceDuplexStreamingAsync<TRequest, TResponse>(
            RpcMethodTelemetry method,
            global::Grpc.Core.IAsyncStreamReader<TRequest> requestStream,
            global::Grpc.Core.IServerStreamWriter<TResponse> responseStream,
            global::Grpc.Core.ServerCallContext context,
            global::Grpc.Core.DuplexStreamingServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class
        {
            var call = ServerCall.Start(method, context);
            try
            {
                await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            }
            catch (global::System.Exception exception)
            {
                var replacement = call.Complete(context, exception);
                if (replacement is not null)
                {
                    throw replacement;
                }

                throw;
            }

            call.Complete(context, exception: null);
        }

        /// <summary>
        /// The hook where a compile-time error mapping turns a handler's exception into the
        /// <see cref="global::Grpc.Core.RpcException"/> the client receives. Without one, exceptions
        /// keep gRPC's default handling.
        /// </summary>
        static partial void MapException(global::System.Exception exception, ref global::Grpc.Core.RpcException? rpcException);

        /// <summary>What grpc-dotnet sends when a unary or client-streaming handler returns null.</summary>
        private static readonly global::Grpc.Core.RpcException NoMessageReturned =
            new global::Grpc.Core.RpcException(new global::Grpc.Core.Status(global::Grpc.Core.StatusCode.Cancelled, "No message returned from method."));

        // A method, not 'response is null': the response is declared non-null, and a null test
        // would make the compiler treat what the handler returned as maybe-null from then on.
        private static bool IsMissing(object? response) => response is null;

        /// <summary>Set by the error mapping, when the assembly has one.</summary>
        static partial void DescribeErrorMapping(ref bool hasErrorMapping);

        /// <summary>Whether exceptions go through an error mapping, also for calls that are not traced.</summary>
        private static readonly bool HasErrorMapping = ReadHasErrorMapping();

        /// <summary>Runs a unary call that is not traced, still mapping its exceptions.</summary>
        public static global::System.Threading.Tasks.Task<TResponse> PassUnary<TRequest, TResponse>(TRequest request, global::Grpc.Core.ServerCallContext context, global::Grpc.Core.UnaryServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class
        {
            if (!HasErrorMapping)
            {
                return continuation(request, context);
            }

            try
            {
                return MapFaults(continuation(request, context));
            }
            catch (global::System.Exception exception) when (exception is not global::Grpc.Core.RpcException)
            {
                throw MapOrRethrow(exception);
            }
        }

        /// <summary>Runs a client-streaming call that is not traced, still mapping its exceptions.</summary>
        public static global::System.Threading.Tasks.Task<TResponse> PassClientStreaming<TRequest, TResponse>(global::Grpc.Core.IAsyncStreamReader<TRequest> requestStream, global::Grpc.Core.ServerCallContext context, global::Grpc.Core.ClientStreamingServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class
        {
            if (!HasErrorMapping)
            {
                return continuation(requestStream, context);
            }

            try
            {
                return MapFaults(continuation(requestStream, context));
            }
            catch (global::System.Exception exception) when (exception is not global::Grpc.Core.RpcException)
            {
                throw MapOrRethrow(exception);
            }
        }

        /// <summary>Runs a server-streaming call that is not traced, still mapping its exceptions.</summary>
        public static global::System.Threading.Tasks.Task PassServerStreaming<TRequest, TResponse>(TRequest request, global::Grpc.Core.IServerStreamWriter<TResponse> responseStream, global::Grpc.Core.ServerCallContext context, global::Grpc.Core.ServerStreamingServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class
        {
            if (!HasErrorMapping)
            {
                return continuation(request, responseStream, context);
            }

            try
            {
                return MapFaults(continuation(request, responseStream, context));
            }
            catch (global::System.Exception exception) when (exception is not global::Grpc.Core.RpcException)
            {
                throw MapOrRethrow(exception);
            }
        }

        /// <summary>Runs a duplex-streaming call that is not traced, still mapping its exceptions.</summary>
        public static global::System.Threading.Tasks.Task PassDuplexStreaming<TRequest, TResponse>(global::Grpc.Core.IAsyncStreamReader<TRequest> requestStream, global::Grpc.Core.IServerStreamWriter<TResponse> responseStream, global::Grpc.Core.ServerCallContext context, global::Grpc.Core.DuplexStreamingServerMethod<TRequest, TResponse> continuation)
            where TRequest : class
            where TResponse : class
        {
            if (!HasErrorMapping)
            {
                return continuation(requestStream, responseStream, context);
            }

            try
            {
                return MapFaults(continuation(requestStream, responseStream, context));
            }
            catch (global::System.Exception exception) when (exception is not global::Grpc.Core.RpcException)
            {
                throw MapOrRethrow(exception);
            }
        }

        private static bool ReadHasErrorMapping()
        {
            var hasErrorMapping = false;
            DescribeErrorMapping(ref hasErrorMapping);
            return hasErrorMapping;
        }

        /// <summary>A completed task passes through as it is; only a pending one is awaited, to map its fault.</summary>
        private static global::System.Threading.Tasks.Task<TResponse> MapFaults<TResponse>(global::System.Threading.Tasks.Task<TResponse> task) =>
            task.Status == global::System.Threading.Tasks.TaskStatus.RanToCompletion ? task : AwaitAndMap(task);

        private static global::System.Threading.Tasks.Task MapFaults(global::System.Threading.Tasks.Task task) =>
            task.Status == global::System.Threading.Tasks.TaskStatus.RanToCompletion ? task : AwaitAndMap(task);

        private static async global::System.Threading.Tasks.Task<TResponse> AwaitAndMap<TResponse>(global::System.Threading.Tasks.Task<TResponse> task)
        {
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (global::System.Exception exception) when (exception is not global::Grpc.Core.RpcException)
            {
                throw MapOrRethrow(exception);
            }
        }

        private static async global::System.Threading.Tasks.Task AwaitAndMap(global::System.Threading.Tasks.Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (global::System.Exception exception) when (exception is not global::Grpc.Core.RpcException)
            {
                throw MapOrRethrow(exception);
            }
        }

        /// <summary>The mapped exception, or (never returning) the original rethrown with its stack trace.</summary>
        private static global::System.Exception MapOrRethrow(global::System.Exception exception)
        {
            global::Grpc.Core.RpcException? mapped = null;
            try
            {
                MapException(exception, ref mapped);
            }
            catch (global::System.Exception)
            {
                mapped = null;
            }

            if (mapped is null)
            {
                global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
            }

            return mapped!;
        }

        /// <summary>The status name the conventions record, e.g. <c>NOT_FOUND</c>.</summary>
        public static string StatusName(global::Grpc.Core.StatusCode code) => code switch
        {
            global::Grpc.Core.StatusCode.OK => "OK",
            global::Grpc.Core.StatusCode.Cancelled => "CANCELLED",
            global::Grpc.Core.StatusCode.Unknown => "UNKNOWN",
            global::Grpc.Core.StatusCode.InvalidArgument => "INVALID_ARGUMENT",
            global::Grpc.Core.StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
            global::Grpc.Core.StatusCode.NotFound => "NOT_FOUND",
            global::Grpc.Core.StatusCode.AlreadyExists => "ALREADY_EXISTS",
            global::Grpc.Core.StatusCode.PermissionDenied => "PERMISSION_DENIED",
            global::Grpc.Core.StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
            global::Grpc.Core.StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
            global::Grpc.Core.StatusCode.Aborted => "ABORTED",
            global::Grpc.Core.StatusCode.OutOfRange => "OUT_OF_RANGE",
            global::Grpc.Core.StatusCode.Unimplemented => "UNIMPLEMENTED",
            global::Grpc.Core.StatusCode.Internal => "INTERNAL",
            global::Grpc.Core.StatusCode.Unavailable => "UNAVAILABLE",
            global::Grpc.Core.StatusCode.DataLoss => "DATA_LOSS",
            global::Grpc.Core.StatusCode.Unauthenticated => "UNAUTHENTICATED",
            _ => ((int)code).ToString(global::System.Globalization.CultureInfo.InvariantCulture),
        };

        private static bool IsRecordedHostingActivity(global::System.Diagnostics.Activity? activity) =>
            activity is not null
            && activity.IsAllDataRequested
            && activity.OperationName == HostingActivityName
            && activity.Source.Name == HostingActivitySourceName;

        private static bool ReadLegacyOptIn()
        {
            var optIn = global::System.Environment.GetEnvironmentVariable("{{StabilityOptInVariable}}");
            if (optIn is null)
            {
                return false;
            }

            foreach (var value in optIn.Split(','))
            {
                if (value.Trim() == "{{DuplicateOptInValue}}")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>One traced call: its span (owned or enriched), start time and method.</summary>
        private sealed class ServerCall
        {
            private readonly RpcMethodTelemetry _method;
            private readonly global::System.Diagnostics.Activity? _activity;
            private readonly bool _ownsActivity;
            private readonly long _startTimestamp;

            private ServerCall(RpcMethodTelemetry method, global::System.Diagnostics.Activity? activity, bool ownsActivity, long startTimestamp)
            {
                _method = method;
                _activity = activity;
                _ownsActivity = ownsActivity;
                _startTimestamp = startTimestamp;
            }

            /// <summary>
            /// Enriches ASP.NET Core's recorded request span, or starts Contrail's own server span.
            /// Runs inside the trace methods' async frame, so changing <c>Activity.Current</c> here
            /// never leaks into the gRPC server's own code.
            /// </summary>
            public static ServerCall Start(RpcMethodTelemetry method, global::Grpc.Core.ServerCallContext context)
            {
                var startTimestamp = global::System.Diagnostics.Stopwatch.GetTimestamp();
                var current = global::System.Diagnostics.Activity.Current;
                if (IsRecordedHostingActivity(current))
                {
                    current!.DisplayName = method.RpcMethod;
                    SetCallTags(current, method);
                    if (current.GetTagItem("{{ServerAddress}}") is null)
                    {
                        SetAddressTags(current, context);
                    }

                    return new ServerCall(method, current, ownsActivity: false, startTimestamp);
                }

                global::System.Diagnostics.Activity? activity = null;
                if (ActivitySource.HasListeners())
                {
                    var parent = default(global::System.Diagnostics.ActivityContext);
                    if (current is not null && current.OperationName == HostingActivityName)
                    {
                        // ASP.NET Core's request span exists but nobody records it: parent Contrail's
                        // span to the caller's span instead, so no exported span points at a span
                        // that was never exported.
                        global::System.Diagnostics.Activity.Current = current.Parent;
                        if (current.Parent is null && current.ParentId is not null)
                        {
                            parent = ParseRemoteParent(current.ParentId, current.TraceStateString);
                        }
                    }
                    else if (current is null)
                    {
                        global::System.Diagnostics.DistributedContextPropagator.Current.ExtractTraceIdAndState(context.RequestHeaders, ReadMetadata, out var traceParent, out var traceState);
                        if (traceParent is not null)
                        {
                            parent = ParseRemoteParent(traceParent, traceState);
                        }
                    }

                    activity = ActivitySource.StartActivity(method.RpcMethod, global::System.Diagnostics.ActivityKind.Server, parent);
                    if (activity is null)
                    {
                        // Sampled out: keep the request span current so the handler's own outgoing
                        // calls still carry the caller's trace.
                        global::System.Diagnostics.Activity.Current = current;
                    }
                    else if (activity.IsAllDataRequested)
                    {
                        SetCallTags(activity, method);
                        SetAddressTags(activity, context);
                    }
                }

                return new ServerCall(method, activity, ownsActivity: activity is not null, startTimestamp);
            }

            /// <summary>Records request members named by [TraceTag] when the span is recorded.</summary>
            public void EnrichRequest(global::System.Action<int, global::System.Diagnostics.Activity, object>? enrichRequest, object request)
            {
                if (enrichRequest is not null && _activity is not null && _activity.IsAllDataRequested)
                {
                    try
                    {
                        enrichRequest(_method.Id, _activity, request);
                    }
                    catch (global::System.Exception)
                    {
                        // Telemetry never fails a call: a request that cannot be read records no tags.
                    }
                }
            }

            /// <summary>
            /// Sets the call's status on the span, ends a span Contrail owns and records the duration.
            /// Called exactly once per call, on success or failure.
            /// </summary>
            /// <returns>An exception to throw instead of <paramref name="exception"/>, from an error mapping.</returns>
            public global::Grpc.Core.RpcException? Complete(global::Grpc.Core.ServerCallContext context, global::System.Exception? exception)
            {
                global::Grpc.Core.RpcException? replacement = null;
                if (exception is not null and not global::Grpc.Core.RpcException)
                {
                    try
                    {
                        MapException(exception, ref replacement);
                    }
                    catch (global::System.Exception)
                    {
                        // A mapping that fails (a metadata getter threw) leaves the original
                        // exception to gRPC's default handling; the call is still recorded.
                        replacement = null;
                    }
                }

                var outcome = replacement ?? exception;
                global::Grpc.Core.StatusCode code;
                string? description = null;
                string? exceptionType = null;
                if (outcome is global::Grpc.Core.RpcException rpcException)
                {
                    code = rpcException.StatusCode;
                    description = rpcException.Status.Detail;
                }
                else if (context.CancellationToken.IsCancellationRequested)
                {
                    // The caller went away or the deadline passed: whatever the handler threw (or
                    // returned) then, the client sees CANCELLED or DEADLINE_EXCEEDED. The server
                    // sets DEADLINE_EXCEEDED itself when its deadline timer fired first.
                    code = context.Status.StatusCode == global::Grpc.Core.StatusCode.DeadlineExceeded || context.Deadline <= global::System.DateTime.UtcNow
                        ? global::Grpc.Core.StatusCode.DeadlineExceeded
                        : global::Grpc.Core.StatusCode.Cancelled;
                }
                else if (outcome is not null)
                {
                    code = global::Grpc.Core.StatusCode.Unknown;
                    exceptionType = outcome.GetType().FullName;
                }
                else
                {
                    code = context.Status.StatusCode;
                    description = code == global::Grpc.Core.StatusCode.OK ? null : context.Status.Detail;
                }

                var statusName = StatusName(code);
                var errorType = _method.IsError(code) ? exceptionType ?? statusName : null;

                if (_activity is not null && _activity.IsAllDataRequested)
                {
                    _activity.SetTag("{{RpcResponseStatusCode}}", statusName);
                    if (EmitLegacyConventions)
                    {
                        _activity.SetTag("{{LegacyGrpcStatusCode}}", (int)code);
                    }

                    if (exceptionType is not null)
                    {
                        RecordException(_activity, outcome!, exceptionType);
                    }

                    if (errorType is not null)
                    {
                        _activity.SetTag("{{ErrorType}}", errorType);
                        _activity.SetStatus(global::System.Diagnostics.ActivityStatusCode.Error, description);
                    }
                }

                if (_ownsActivity)
                {
                    _activity!.Dispose();
                }

                RecordDuration(statusName, (int)code, errorType);
                return replacement;
            }

            private void RecordDuration(string statusName, int code, string? errorType)
            {
                var elapsedTicks = global::System.Diagnostics.Stopwatch.GetTimestamp() - _startTimestamp;
                var seconds = (double)elapsedTicks / global::System.Diagnostics.Stopwatch.Frequency;
                if (CallDuration.Enabled)
                {
                    var tags = new global::System.Diagnostics.TagList
                    {
                        { "{{RpcSystemName}}", "{{GrpcSystemValue}}" },
                        { "{{RpcMethod}}", _method.RpcMethod },
                        { "{{RpcResponseStatusCode}}", statusName },
                    };
                    if (errorType is not null)
                    {
                        tags.Add("{{ErrorType}}", errorType);
                    }

                    CallDuration.Record(seconds, tags);
                }

                if (LegacyServerDuration is not null && LegacyServerDuration.Enabled)
                {
                    var tags = new global::System.Diagnostics.TagList
                    {
                        { "{{LegacyRpcSystem}}", "{{GrpcSystemValue}}" },
                        { "{{LegacyRpcService}}", _method.ServiceName },
                        { "{{RpcMethod}}", _method.MethodName },
                        { "{{LegacyGrpcStatusCode}}", code },
                    };
                    LegacyServerDuration.Record(seconds * 1000d, tags);
                }
            }

            private static void SetCallTags(global::System.Diagnostics.Activity activity, RpcMethodTelemetry method)
            {
                activity.SetTag("{{RpcSystemName}}", "{{GrpcSystemValue}}");
                activity.SetTag("{{RpcMethod}}", method.RpcMethod);
                if (EmitLegacyConventions)
                {
                    activity.SetTag("{{LegacyRpcSystem}}", "{{GrpcSystemValue}}");
                    activity.SetTag("{{LegacyRpcService}}", method.ServiceName);
                }
            }

            private static void SetAddressTags(global::System.Diagnostics.Activity activity, global::Grpc.Core.ServerCallContext context)
            {
                var host = context.Host;
                if (TryParseEndpoint(host, 0, out var hostStart, out var hostLength, out var port))
                {
                    activity.SetTag("{{ServerAddress}}", host!.Substring(hostStart, hostLength));
                    if (port >= 0)
                    {
                        activity.SetTag("{{ServerPort}}", port);
                    }
                }

                // grpc-dotnet describes the peer as "ipv4:127.0.0.1:5000" or "ipv6:[::1]:5000".
                var peer = context.Peer;
                var schemeEnd = peer is null ? -1 : peer.IndexOf(':');
                if (schemeEnd > 0 && TryParseEndpoint(peer, schemeEnd + 1, out var peerStart, out var peerLength, out var peerPort))
                {
                    activity.SetTag("{{NetworkPeerAddress}}", peer!.Substring(peerStart, peerLength));
                    if (peerPort >= 0)
                    {
                        activity.SetTag("{{NetworkPeerPort}}", peerPort);
                    }
                }
            }

            /// <summary>
            /// Finds the address and port in "host", "host:port", "[v6]:port" or a bare IPv6
            /// address, from <paramref name="start"/>, without allocating. The port is -1 when absent.
            /// </summary>
            private static bool TryParseEndpoint(string? value, int start, out int addressStart, out int addressLength, out int port)
            {
                addressStart = start;
                addressLength = 0;
                port = -1;
                if (value is null || start >= value.Length)
                {
                    return false;
                }

                var end = value.Length;
                var colon = value.LastIndexOf(':');
                var bracketed = value[start] == '[';
                var bareIPv6 = !bracketed && colon > start && value.IndexOf(':', start) != colon;
                if (colon > start && !bareIPv6 && (!bracketed || value[colon - 1] == ']'))
                {
                    var parsed = 0;
                    for (var i = colon + 1; i < value.Length; i++)
                    {
                        var digit = value[i] - '0';
                        if (digit < 0 || digit > 9 || parsed > 6553)
                        {
                            return false;
                        }

                        parsed = (parsed * 10) + digit;
                    }

                    if (colon == value.Length - 1 || parsed > 65535)
                    {
                        return false;
                    }

                    port = parsed;
                    end = colon;
                }

                if (bracketed && end - start >= 2 && value[end - 1] == ']')
                {
                    addressStart = start + 1;
                    end--;
                }

                addressLength = end - addressStart;
                return addressLength > 0;
            }

            private static void RecordException(global::System.Diagnostics.Activity activity, global::System.Exception exception, string exceptionType)
            {
                string message, stackTrace;
                try
                {
                    message = exception.Message;
                    stackTrace = exception.ToString();
                }
                catch (global::System.Exception)
                {
                    // An exception type whose Message or ToString throws still gets its event.
                    message = stackTrace = string.Empty;
                }

                var tags = new global::System.Diagnostics.ActivityTagsCollection
                {
                    { "exception.type", exceptionType },
                    { "exception.message", message },
                    { "exception.stacktrace", stackTrace },
                };
                activity.AddEvent(new global::System.Diagnostics.ActivityEvent("exception", default, tags));
            }
        }

        private static global::System.Diagnostics.ActivityContext ParseRemoteParent(string traceParent, string? traceState) =>
            global::System.Diagnostics.ActivityContext.TryParse(traceParent, traceState, out var parsed)
                ? new global::System.Diagnostics.ActivityContext(parsed.TraceId, parsed.SpanId, parsed.TraceFlags, parsed.TraceState, isRemote: true)
                : default;
    }

    /// <summary>What the telemetry of one RPC method needs, decided at compile time except the names.</summary>
    {{GeneratedCode.Attribute}}
    internal sealed class RpcMethodTelemetry
    {
        private readonly int _errorStatusMask;

        /// <summary>Creates the telemetry description of one method.</summary>
        /// <param name="id">The method's index in its service's generated interceptor.</param>
        /// <param name="method">The gRPC method, as the service binds it.</param>
        /// <param name="errorStatusMask">Bit <c>n</c> set when status code <c>n</c> marks the span as an error.</param>
        public RpcMethodTelemetry(int id, global::Grpc.Core.IMethod method, int errorStatusMask)
        {
            Id = id;
            ServiceName = method.ServiceName;
            MethodName = method.Name;
            RpcMethod = method.ServiceName + "/" + method.Name;
            _errorStatusMask = errorStatusMask;
        }

        /// <summary>Gets the method's index in its service's generated interceptor.</summary>
        public int Id { get; }

        /// <summary>Gets the full service name, e.g. <c>acme.shop.v1.Orders</c>.</summary>
        public string ServiceName { get; }

        /// <summary>Gets the method name, e.g. <c>GetOrder</c>.</summary>
        public string MethodName { get; }

        /// <summary>Gets <c>rpc.method</c> and the span name, e.g. <c>acme.shop.v1.Orders/GetOrder</c>.</summary>
        public string RpcMethod { get; }

        /// <summary>Whether a status code marks the server span as an error for this method.</summary>
        public bool IsError(global::Grpc.Core.StatusCode code) =>
            (uint)code >= 32u || (_errorStatusMask & (1 << (int)code)) != 0;

        /// <summary>
        /// Builds the lookup from a request's path (<c>/package.Service/Method</c>) to its telemetry,
        /// from the service's own generated binding method: the names are the ones the server routes on.
        /// </summary>
        public static global::System.Collections.Generic.Dictionary<string, RpcMethodTelemetry> CreateTable(
            global::System.Action<global::Grpc.Core.ServiceBinderBase> bindService,
            global::System.Func<global::Grpc.Core.IMethod, RpcMethodTelemetry?> describe)
        {
            var binder = new MethodCollector();
            bindService(binder);
            var table = new global::System.Collections.Generic.Dictionary<string, RpcMethodTelemetry>(global::System.StringComparer.Ordinal);
            foreach (var method in binder.Methods)
            {
                var telemetry = describe(method);
                if (telemetry is not null)
                {
                    table[method.FullName] = telemetry;
                }
            }

            return table;
        }

        private sealed class MethodCollector : global::Grpc.Core.ServiceBinderBase
        {
            public global::System.Collections.Generic.List<global::Grpc.Core.IMethod> Methods { get; } = new global::System.Collections.Generic.List<global::Grpc.Core.IMethod>();

            public override void AddMethod<TRequest, TResponse>(global::Grpc.Core.Method<TRequest, TResponse> method, global::Grpc.Core.UnaryServerMethod<TRequest, TResponse>? handler) => Methods.Add(method);

            public override void AddMethod<TRequest, TResponse>(global::Grpc.Core.Method<TRequest, TResponse> method, global::Grpc.Core.ClientStreamingServerMethod<TRequest, TResponse>? handler) => Methods.Add(method);

            public override void AddMethod<TRequest, TResponse>(global::Grpc.Core.Method<TRequest, TResponse> method, global::Grpc.Core.ServerStreamingServerMethod<TRequest, TResponse>? handler) => Methods.Add(method);

            public override void AddMethod<TRequest, TResponse>(global::Grpc.Core.Method<TRequest, TResponse> method, global::Grpc.Core.DuplexStreamingServerMethod<TRequest, TResponse>? handler) => Methods.Add(method);
        }
    }
}

""";
    }
}
