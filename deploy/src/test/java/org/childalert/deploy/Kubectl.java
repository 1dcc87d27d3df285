package org.childalert.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** kubectl on this machine, used only for {@code kubectl kustomize}, which needs no cluster. */
final class Kubectl {

	static final String MISSING = "kubectl is not on the PATH: the Kubernetes manifests cannot be rendered. "
			+ "Install it (Debian: apt-get install kubernetes-client) or point the KUBECTL variable at it.";

	private final Path executable;

	private Kubectl(Path executable) {
		this.executable = executable;
	}

	/** The kubectl named by KUBECTL, else the first on PATH; fails (never skips) when there is none. */
	static Kubectl locate(Map<String, String> environment) {
		String named = environment.get("KUBECTL");
		if (named != null && !named.isBlank()) {
			Path path = Path.of(named);
			if (Files.isExecutable(path)) {
				return new Kubectl(path);
			}
			throw new AssertionError("KUBECTL=" + named + " is not an executable file. " + MISSING);
		}
		for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (directory.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(directory, "kubectl");
			if (Files.isExecutable(candidate)) {
				return new Kubectl(candidate);
			}
		}
		throw new AssertionError(MISSING);
	}

	/** The objects of {@code kubectl kustomize directory}, as one YAML stream. */
	String kustomize(Path directory) {
		ProcessBuilder builder = new ProcessBuilder(executable.toString(), "kustomize", directory.toString());
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("kubectl kustomize " + directory + " did not finish within 120 s");
			}
			if (process.exitValue() != 0) {
				throw new AssertionError("kubectl kustomize " + directory + " failed (exit " + process.exitValue()
						+ "):\n" + err.join());
			}
			return out.join();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run " + executable, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while rendering " + directory, ex);
		}
	}

	private static String read(InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
