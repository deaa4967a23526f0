// Mirrors NuGet package: AWSSDK.SecretsManager.Caching (the release for AWS SDK for .NET v4; the reference does not
// pin a version).
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation (bodies throw or return defaults; nothing is cached).
// Checked against shared/reference/aws-sdk-unserved-api.txt. Not stubbed: SecretCacheItem / GetCachedSecret.
// Requires: AwsSdkSecretsManager.cs
// (SecretsManagerCache takes and SecretCacheConfiguration.Client exposes an IAmazonSecretsManager.)
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SecretsManager;

namespace Amazon.SecretsManager.Extensions.Caching
{
    public interface ISecretCacheHook
    {
        object Put(object o);

        object Get(object cachedObject);
    }

    public interface ISecretsManagerCache : IDisposable
    {
        Task<string> GetSecretString(string secretId, CancellationToken cancellationToken = default);

        Task<byte[]> GetSecretBinary(string secretId, CancellationToken cancellationToken = default);

        Task<bool> RefreshNowAsync(string secretId, CancellationToken cancellationToken = default);
    }

    public class SecretCacheConfiguration
    {
        public ulong CacheItemTTL { get; set; }

        public ushort MaxCacheSize { get; set; }

        public string VersionStage { get; set; }

        public IAmazonSecretsManager Client { get; set; }

        public ISecretCacheHook CacheHook { get; set; }
    }

    public class SecretsManagerCache : ISecretsManagerCache
    {
        public SecretsManagerCache() { }

        public SecretsManagerCache(IAmazonSecretsManager secretsManager) { }

        public SecretsManagerCache(SecretCacheConfiguration config) { }

        public SecretsManagerCache(IAmazonSecretsManager secretsManager, SecretCacheConfiguration config) { }

        public Task<string> GetSecretString(string secretId, CancellationToken cancellationToken = default) => throw null!;

        public Task<byte[]> GetSecretBinary(string secretId, CancellationToken cancellationToken = default) => throw null!;

        public Task<bool> RefreshNowAsync(string secretId, CancellationToken cancellationToken = default) => throw null!;

        public void Dispose() { }
    }
}
