package io.piha.cli.drill;

/** The footprint benchmark's baseline: a JVM from the same jar that says it is ready and then idles. */
public final class IdleJvm {

    private IdleJvm() {
    }

    /** Prints {@code ready} and sleeps until killed. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
