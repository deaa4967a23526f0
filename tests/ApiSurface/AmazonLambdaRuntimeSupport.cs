// Mirrors NuGet package: Amazon.Lambda.RuntimeSupport (release current in the reference listing, July 2026;
// the reference does not pin a version number), net8.0 build.
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation (bodies throw or return defaults).
// Checked against shared/reference/amazon-lambda-api.txt: all 37 LambdaBootstrapBuilder.Create and all 37
// HandlerWrapper.GetHandlerWrapper overloads are declared, so overload resolution picks the same overload as
// with the real package. Not stubbed: RuntimeApiClient, LambdaEnvironment, RuntimeSupportInitializer, Helpers.
// Requires: AmazonLambdaCore.cs
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport.Bootstrap;

namespace Amazon.Lambda.RuntimeSupport
{
    public delegate Task<InvocationResponse> LambdaBootstrapHandler(InvocationRequest invocation);

    public delegate Task<bool> LambdaBootstrapInitializer();

    public class LambdaBootstrapBuilder
    {
        private LambdaBootstrapBuilder() { }

        public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext, MemoryStream> handler) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<Task> handler) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<Stream, Task> handler) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task> handler) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task> handler) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<Task<Stream>> handler) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<Stream, Task<Stream>> handler) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task<Stream>> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task<Stream>> handler) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TOutput>(Func<Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create(Action handler) => throw null!;

        public static LambdaBootstrapBuilder Create(Action<Stream> handler) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput>(Action<TInput> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create(Action<ILambdaContext> handler) => throw null!;

        public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext> handler) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput>(Action<TInput, ILambdaContext> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<Stream> handler) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<Stream, Stream> handler) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Stream> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Stream> handler) => throw null!;

        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Stream> handler) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Stream> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TOutput>(Func<TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public LambdaBootstrapBuilder UseBootstrapHandler(LambdaBootstrapInitializer lambdaBootstrapInitializer) => throw null!;

        public LambdaBootstrapBuilder UseHttpClient(HttpClient httpClient) => throw null!;

        public LambdaBootstrapBuilder ConfigureOptions(Action<LambdaBootstrapOptions> options = null) => throw null!;

        public LambdaBootstrap Build() => throw null!;
    }

    public class LambdaBootstrap : IDisposable
    {
        public LambdaBootstrap(HttpClient httpClient, LambdaBootstrapHandler handler, LambdaBootstrapInitializer initializer = null) { }

        public LambdaBootstrap(LambdaBootstrapHandler handler, LambdaBootstrapInitializer initializer = null) { }

        public LambdaBootstrap(LambdaBootstrapHandler handler, LambdaBootstrapOptions lambdaBootstrapOptions, LambdaBootstrapInitializer initializer = null) { }

        public LambdaBootstrap(HandlerWrapper handlerWrapper, LambdaBootstrapInitializer initializer = null) { }

        public LambdaBootstrap(HandlerWrapper handlerWrapper, LambdaBootstrapOptions lambdaBootstrapOptions, LambdaBootstrapInitializer initializer = null) { }

        public LambdaBootstrap(HttpClient httpClient, HandlerWrapper handlerWrapper, LambdaBootstrapInitializer initializer = null) { }

        public LambdaBootstrap(HttpClient httpClient, HandlerWrapper handlerWrapper, LambdaBootstrapOptions lambdaBootstrapOptions, LambdaBootstrapInitializer initializer = null) { }

        public static HttpClient ConstructHttpClient() => throw null!;

        public Task RunAsync(CancellationToken cancellationToken = default) => throw null!;

        protected virtual void Dispose(bool disposing) { }

        public void Dispose() { }
    }

    public class HandlerWrapper : IDisposable
    {
        private HandlerWrapper() { }

        public LambdaBootstrapHandler Handler => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Action<Stream, ILambdaContext, MemoryStream> invokeDelegate) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<Task> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<Stream, Task> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, Task> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<ILambdaContext, Task> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Task> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<Task<Stream>> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<Stream, Task<Stream>> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, Task<Stream>> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<ILambdaContext, Task<Stream>> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Task<Stream>> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Action handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Action<Stream> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput>(Action<TInput> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Action<ILambdaContext> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Action<Stream, ILambdaContext> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput>(Action<TInput, ILambdaContext> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<Stream> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<Stream, Stream> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, Stream> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<ILambdaContext, Stream> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Stream> handler) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, ILambdaContext, Stream> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => throw null!;

        protected virtual void Dispose(bool disposing) { }

        public void Dispose() { }
    }

    public class InvocationRequest : IDisposable
    {
        internal InvocationRequest() { }

        public Stream InputStream => throw null!;

        public ILambdaContext LambdaContext => throw null!;

        public void Dispose() { }
    }

    public class InvocationResponse
    {
        public InvocationResponse(Stream outputStream) { }

        public InvocationResponse(Stream outputStream, bool disposeOutputStream) { }

        public Stream OutputStream { get; set; }

        public bool DisposeOutputStream => throw null!;
    }
}

namespace Amazon.Lambda.RuntimeSupport.Bootstrap
{
    public class LambdaBootstrapOptions
    {
        public string RuntimeApiEndpoint { get; set; }
    }
}
