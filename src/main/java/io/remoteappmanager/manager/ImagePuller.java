package io.remoteappmanager.manager;

import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.spec.AppSpec.PullPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Makes an image present before create, as the spec's imagePullPolicy says (kubelet's semantics). */
@ApplicationScoped
public class ImagePuller {

    private static final Logger LOG = Logger.getLogger(ImagePuller.class);

    private final ContainerRuntime runtime;

    public ImagePuller(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** Pulls when the policy asks for it; throws {@link StartFailedException} naming the image otherwise. */
    public void ensure(String image, PullPolicy policy) {
        switch (policy) {
            case Always -> pull(image);
            case IfNotPresent -> {
                if (runtime.image(image).isEmpty()) {
                    pull(image);
                }
            }
            case Never -> {
                if (runtime.image(image).isEmpty()) {
                    throw new StartFailedException("image " + image + " is not present and imagePullPolicy is Never");
                }
            }
        }
    }

    private void pull(String image) {
        LOG.infof("pulling image %s", image);
        try {
            runtime.pull(image);
        } catch (RuntimeFault e) {
            throw new StartFailedException("pulling image " + image + " failed: " + e.getMessage(), e);
        }
    }
}
