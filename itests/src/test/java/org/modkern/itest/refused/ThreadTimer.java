package org.modkern.itest.refused;

import java.util.Timer;
import java.util.TimerTask;
import org.modkern.libc.Libc;

/** Leaves a timer task behind on the host's timer thread. The native format must refuse it before it runs (EscapeIT). */
public final class ThreadTimer extends TimerTask {
    private ThreadTimer() {}

    @Override
    public void run() {
        System.setProperty("modkern.escaped.ThreadTimer", "yes");
    }

    public static int main(Libc sys, String[] argv) throws Exception {
        new Timer(true).schedule(new ThreadTimer(), 10);
        return 0;
    }
}
