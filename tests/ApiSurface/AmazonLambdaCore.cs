// Mirrors NuGet package: Amazon.Lambda.Core 3.2.0 (the net8.0 build).
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation (bodies are empty, return defaults or throw).
// Checked against shared/reference/amazon-lambda-api.txt and shared/spec/AWS-SURFACE.md.
// Members the real package declares only for net8.0+ (default-implemented interface members, LogLevel, the
// level overloads) are declared unconditionally here, because the tests compile against net8.0.
// Requires: none
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.Collections.Generic;
using System.IO;

namespace Amazon.Lambda.Core
{
    public interface ILambdaContext
    {
        string AwsRequestId { get; }

        IClientContext ClientContext { get; }

        string FunctionName { get; }

        string FunctionVersion { get; }

        ICognitoIdentity Identity { get; }

        string InvokedFunctionArn { get; }

        ILambdaLogger Logger { get; }

        string LogGroupName { get; }

        string LogStreamName { get; }

        int MemoryLimitInMB { get; }

        TimeSpan RemainingTime { get; }

        // net8.0+ only in the real package; default-implemented.
        ILambdaSerializer Serializer => null;

        // net8.0+ only in the real package; default-implemented.
        string TenantId => null;

        // net8.0+ only in the real package; default-implemented.
        string TraceId => null;
    }

    public interface IClientContext
    {
        IDictionary<string, string> Environment { get; }

        IClientApplication Client { get; }

        IDictionary<string, string> Custom { get; }
    }

    public interface IClientApplication
    {
        string AppPackageName { get; }

        string AppTitle { get; }

        string AppVersionCode { get; }

        string AppVersionName { get; }

        string InstallationId { get; }
    }

    public interface ICognitoIdentity
    {
        string IdentityId { get; }

        string IdentityPoolId { get; }
    }

    public interface ILambdaSerializer
    {
        T Deserialize<T>(Stream requestStream);

        void Serialize<T>(T response, Stream responseStream);
    }

    // net8.0+ only in the real package.
    public enum LogLevel
    {
        Trace,
        Debug,
        Information,
        Warning,
        Error,
        Critical,
    }

    public interface ILambdaLogger
    {
        void Log(string message);

        void LogLine(string message);

        // The members below are net8.0+ only in the real package and default-implemented there.
        void Log(string level, string message) { }

        void Log(LogLevel level, string message) { }

        void Log(string level, string message, params object[] args) { }

        void Log(string level, Exception exception, string message, params object[] args) { }

        void Log(LogLevel level, string message, params object[] args) { }

        void Log(LogLevel level, Exception exception, string message, params object[] args) { }

        void LogTrace(string message) { }

        void LogTrace(string message, params object[] args) { }

        void LogTrace(Exception exception, string message, params object[] args) { }

        void LogDebug(string message) { }

        void LogDebug(string message, params object[] args) { }

        void LogDebug(Exception exception, string message, params object[] args) { }

        void LogInformation(string message) { }

        void LogInformation(string message, params object[] args) { }

        void LogInformation(Exception exception, string message, params object[] args) { }

        void LogWarning(string message) { }

        void LogWarning(string message, params object[] args) { }

        void LogWarning(Exception exception, string message, params object[] args) { }

        void LogError(string message) { }

        void LogError(string message, params object[] args) { }

        void LogError(Exception exception, string message, params object[] args) { }

        void LogCritical(string message) { }

        void LogCritical(string message, params object[] args) { }

        void LogCritical(Exception exception, string message, params object[] args) { }
    }

    /// <summary>SnapStart runtime hooks (Amazon.Lambda.Core 2.2+).</summary>
    public static class SnapshotRestore
    {
        public static void RegisterBeforeSnapshot(System.Func<System.Threading.Tasks.ValueTask> beforeSnapshotAction) => throw null!;

        public static void RegisterAfterRestore(System.Func<System.Threading.Tasks.ValueTask> afterRestoreAction) => throw null!;
    }

    public static class LambdaLogger
    {
        public static void Log(string message) { }

        // The members below are net8.0+ only in the real package.
        public static void Log(string level, string message, params object[] args) { }

        public static void Log(LogLevel level, string message, params object[] args) { }

        public static void Log(string level, Exception exception, string message, params object[] args) { }

        public static void Log(LogLevel level, Exception exception, string message, params object[] args) { }

        public static void ConfigureStructuredLogging(StructuredLoggingOptions options) { }
    }

    // net8.0+ only in the real package.
    public class StructuredLoggingOptions
    {
        public System.Text.Json.JsonSerializerOptions OverrideSerializerOptions { get; set; }
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Assembly)]
    public sealed class LambdaSerializerAttribute : Attribute
    {
        public LambdaSerializerAttribute(Type serializerType) { }

        public Type SerializerType { get; set; }
    }
}
